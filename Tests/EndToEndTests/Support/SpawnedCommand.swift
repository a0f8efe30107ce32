import Foundation

/// `dam-tui` started with `posix_spawn`: default signal dispositions and no blocked signals (a test thread
/// blocks most signals and a child would inherit that), standard output to a given path (a file, a private
/// device node) or to a pipe whose reader is gone, standard error to a file, optionally under a file size
/// limit, so a test can signal it, break its output and wait for it.
final class SpawnedCommand {
  /// Where standard output goes.
  enum Output {
    /// The file or device node at this path.
    case path(String)
    /// A pipe whose read end is closed before the child starts: every write fails with EPIPE.
    case closedPipe
  }

  /// How the process ended: an exit status, or the signal that killed it.
  enum Ending: Equatable, CustomStringConvertible {
    case exited(Int32)
    case killed(Int32)

    var description: String {
      switch self {
      case .exited(let status): "exit \(status)"
      case .killed(let signal): "killed by signal \(signal)"
      }
    }
  }

  private let pid: pid_t
  /// The path of standard error's file.
  let stderrPath: String

  /// Starts the release binary with `arguments`.
  /// - Parameter fileSizeLimit: when set, a limit in 512-byte blocks (`ulimit -f`), applied by `/bin/sh`.
  init(_ arguments: [String], stdout: Output, stderrPath: String, fileSizeLimit: Int? = nil) throws {
    self.stderrPath = stderrPath
    var argv = [try ReleaseBinary.path] + RunLogArguments.quiet(arguments)
    if let fileSizeLimit { argv = ["/bin/sh", "-c", "ulimit -f \(fileSizeLimit); exec \"$@\"", "sh"] + argv }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    var pipeEnds: [Int32] = [-1, -1]
    switch stdout {
    case .path(let path): posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    case .closedPipe:
      guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
      close(pipeEnds[0])
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    }
    defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attributes = CleanSignals.attributes()
    defer { posix_spawnattr_destroy(&attributes) }
    let cArguments = argv.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    self.pid = pid
  }

  /// Sends `signal` to the process.
  func send(_ signal: Int32) {
    kill(pid, signal)
  }

  /// Waits for the process to end.
  func wait() -> Ending {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .killed(signal)
  }

  /// Everything written to standard error.
  var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

  /// Runs to the end and returns how it ended.
  static func run(
    _ arguments: [String], stdout: Output, stderrPath: String, fileSizeLimit: Int? = nil
  ) throws -> (ending: Ending, stderr: String) {
    let command = try SpawnedCommand(arguments, stdout: stdout, stderrPath: stderrPath, fileSizeLimit: fileSizeLimit)
    let ending = command.wait()
    return (ending, command.stderr)
  }
}

/// Private device nodes and FIFOs for output tests, made in a test's temporary folder; never `/dev`.
enum PrivateNode {
  /// A character device with the numbers of /dev/null (1, 3) or /dev/full (1, 7) at `path`, made with
  /// `mknod` (only root may); prints why and returns false when it cannot.
  static func characterDevice(at path: String, minor: Int32, purpose: String) -> Bool {
    guard mknod(path, S_IFCHR | 0o666, makedev(1, UInt32(minor))) == 0 else {
      print("skipped (\(purpose)): cannot mknod a private device node: \(String(cString: strerror(errno)))")
      return false
    }
    return true
  }

  /// `makedev` for Linux's encoding of device numbers.
  private static func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
    dev_t(
      (UInt64(major & 0xfff) << 8) | UInt64(minor & 0xff) | (UInt64(minor & ~0xff) << 12)
        | (UInt64(major & ~0xfff) << 32))
  }
}

/// Spawn attributes for a child with no blocked signals and every signal at its default disposition.
enum CleanSignals {
  /// Initialized attributes; the caller destroys them.
  static func attributes() -> posix_spawnattr_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return attributes
  }
}
