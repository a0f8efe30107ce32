import Foundation

/// Helpers of the sweep end-to-end tests: the search axes, JSON-lines files, and shell runs with
/// the release binary on PATH.
enum SweepSupport {
  /// The axes of issue 6's example.
  static let axes = [
    "--vary", "training.learning_rate=log:1e-4..1", "--vary", "training.l2=log:1e-6..1e-1", "--vary",
    "model.init=he-normal,xavier-uniform",
  ]

  /// The JSON objects of a JSON-lines file.
  static func jsonLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
    }
  }

  /// PATH with the release binary's folder first.
  static var pathWithBinary: String {
    get throws {
      let folder = URL(fileURLWithPath: try ReleaseBinary.path).deletingLastPathComponent().path
      return folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }
  }

  /// Runs `command` with `/bin/sh -c` in the package root, `dam-tui` on PATH (and `extraPath` before it).
  static func shell(_ command: String, extraPath: String? = nil) throws -> CommandRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = ReleaseBinary.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = (extraPath.map { $0 + ":" } ?? "") + (try pathWithBinary)
    process.environment = environment
    let output = try TemporaryFolder()
    let out = output.path("stdout")
    let err = output.path("stderr")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return CommandRun(
      status: process.terminationStatus, stdout: try String(contentsOfFile: out, encoding: .utf8),
      stderr: try String(contentsOfFile: err, encoding: .utf8))
  }

  /// The final record's `val_loss` of `dam-tui train` run as `command` (a line printed by the sweep), as
  /// written.
  static func finalValidationLoss(of command: String) throws -> String? {
    let run = try shell(command + " --jsonl - --quiet --no-log")
    return run.stdout.split(separator: "\n").last.flatMap { rawValue("val_loss", in: $0) }
  }

  /// The text of `"key":value` in a JSON line, as written: numbers are compared as text because
  /// Foundation's JSON parser may round the last digit on Linux.
  static func rawValue(_ key: String, in line: Substring) -> String? {
    guard let range = line.range(of: "\"\(key)\":") else { return nil }
    return String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })
  }

  /// Every line of a JSON-lines file.
  static func lines(_ path: String) throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
  }
}
