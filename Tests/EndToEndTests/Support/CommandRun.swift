import Foundation

/// The outcome of running `dam-tui` to completion without a terminal.
struct CommandRun {
  /// Exit status.
  var status: Int32
  /// Everything written to standard output.
  var stdout: String
  /// Everything written to standard error.
  var stderr: String

  /// Standard output's JSON lines, decoded as objects (lines that are not objects are skipped).
  var jsonLines: [[String: Any]] {
    stdout.split(separator: "\n").compactMap { line in
      (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
  }

  /// Runs the release binary with `arguments` in `directory` (the package root by default),
  /// with standard input closed, and waits for it to exit.
  static func damTUI(
    _ arguments: [String], in directory: URL = ReleaseBinary.packageRoot,
    environment: [String: String] = [:]
  ) throws -> CommandRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try ReleaseBinary.path)
    process.arguments = RunLogArguments.quiet(arguments)
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
    let errorData = LockedData()
    let drain = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    drain.start()
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CommandRun(
      status: process.terminationStatus,
      stdout: String(decoding: outputData, as: UTF8.self),
      stderr: String(decoding: errorData.value, as: UTF8.self))
  }
}

/// Data handed from a reader thread to the test, behind a lock.
private final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var done = false

  func set(_ newValue: Data) {
    lock.withLock {
      data = newValue
      done = true
    }
  }

  var isSet: Bool { lock.withLock { done } }
  var value: Data { lock.withLock { data } }
}
