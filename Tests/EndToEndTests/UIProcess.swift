import Foundation

/// Runs a short command to completion and returns its standard output, with `posix_spawn` and `waitpid`.
///
/// Two reasons not to use Foundation's `Process` for tmux: a test runs on a thread that blocks most
/// signals, and a spawned tmux server inherits that mask for good (it then ignores SIGTERM and SIGCHLD),
/// so the child here starts with no blocked signals and default handlers; and `Process.waitUntilExit()`
/// was seen never to return after `tmux new-session -d` (the client stayed a zombie), so the child is
/// reaped here directly.
enum UIProcess {
  /// Runs `arguments` (looked up in `PATH`), standard input and error on /dev/null; returns standard output.
  static func output(_ arguments: [String]) throws -> String {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
    for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    defer { close(pipeEnds[0]) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var attributes = CleanSignals.attributes()
    defer { posix_spawnattr_destroy(&attributes) }
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
    close(pipeEnds[1])
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(pipeEnds[0], &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      data.append(contentsOf: chunk[0..<count])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return String(decoding: data, as: UTF8.self)
  }
}
