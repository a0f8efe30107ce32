import Foundation
import Testing

/// Issue 16, "every shutdown finishes its work": SIGINT, SIGTERM and SIGHUP stop every long-running
/// command after the current step, with its final record, the recording's `stop` line and the weights,
/// and the exit code 128 + the signal.
@Suite("Shutdown signals")
struct ShutdownSignalTests {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Polls until the file at `path` has at least one complete line, for at most a minute.
  static func waitForLine(_ path: String) {
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("\n") { return }
      usleep(20_000)
    }
  }

  /// Starts `arguments` in `folder`, sends `signal` once `jsonl` has a line, expects the exit code
  /// 128 + `signal`, and returns the last object of `jsonl`.
  static func stop(_ arguments: [String], in folder: TemporaryFolder, with signal: Int32, watching jsonl: String)
    throws -> [String: Any]
  {
    let command = try SpawnedCommand(
      arguments, stdout: .path(folder.path("out")), stderrPath: folder.path("err"))
    waitForLine(jsonl)
    command.send(signal)
    #expect(command.wait() == .exited(128 + signal), "\(command.stderr)")
    return try lastObject(jsonl)
  }

  /// The last line of a JSON-lines file, decoded.
  static func lastObject(_ path: String) throws -> [String: Any] {
    try SweepSupport.jsonLines(path).last ?? [:]
  }

  @Test("`train` finishes the final record, the stop line and the weights", arguments: signals)
  func train(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    let (jsonl, record, weights) = (folder.path("run.jsonl"), folder.path("run.record"), folder.path("w"))
    let final = try Self.stop(
      ["train", "--steps", "100000000", "--quiet", "--jsonl", jsonl, "--record", record, "--save-weights", weights],
      in: folder, with: signal, watching: jsonl)
    #expect(final["final"] as? Bool == true && final["status"] as? String == "stopped")
    let stop = try Self.lastObject(record)
    #expect(stop["command"] as? String == "stop" && stop["step"] as? Int == final["step"] as? Int)
    #expect(try SafetensorsFile(path: weights).tensors.isEmpty == false)
  }

  @Test("`replay` writes its final record", arguments: signals)
  func replay(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    let record = folder.path("long.record")
    let made = try CommandRun.damTUI(
      ["train", "--steps", "0", "--set", "run.steps=100000000", "--record", record])
    #expect(made.status == 0, "\(made.stderr)")
    // Without its stop line, the recording runs to the preset's run.steps.
    let header = try SweepSupport.lines(record)[0]
    try folder.write("long.record", header + "\n")
    let jsonl = folder.path("replay.jsonl")
    let final = try Self.stop(["replay", record, "--jsonl", jsonl], in: folder, with: signal, watching: jsonl)
    #expect(final["final"] as? Bool == true && final["status"] as? String == "stopped")
  }

  @Test("`lr-find` writes its final record", arguments: signals)
  func lrFind(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("lr.jsonl")
    // A flat range on the digits: 100,000 steps that never diverge, far longer than the test waits.
    let final = try Self.stop(
      ["lr-find", "--preset", "digits", "--steps", "100000", "--start", "1e-6", "--end", "1e-5", "--jsonl", jsonl],
      in: folder, with: signal, watching: jsonl)
    #expect(final["final"] as? Bool == true && final["status"] as? String == "stopped")
  }

  @Test("`sweep` keeps the trials' lines and prints the leaderboard so far", arguments: signals)
  func sweep(_ signal: Int32) throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("trials.jsonl")
    let out = folder.path("out")
    let command = try SpawnedCommand(
      ["sweep", "--vary", "training.learning_rate=0.01,0.1", "--trials", "2", "--jobs", "1", "--budget", "10000000"]
        + ["--jsonl", jsonl], stdout: .path(out), stderrPath: folder.path("err"))
    usleep(1_500_000)
    command.send(signal)
    #expect(command.wait() == .exited(128 + signal), "\(command.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("interrupted:"))
    #expect(try SweepSupport.jsonLines(jsonl).allSatisfy { $0["status"] as? String == "stopped" })
  }
}
