import Foundation
import Testing

/// `train` keeps a run directory: its files, replay from its recording, a SIGKILL mid-run, an unwritable
/// log folder, and two runs in one second.
@Suite("train's run directory")
struct RunDirectoryTests {
  private static func runs(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test("A run directory holds every file; metrics.jsonl is --jsonl; replay of recording.jsonl gives the same weights")
  func layoutAndReplay() throws {
    let folder = try TemporaryFolder()
    let logs = folder.path("logs")
    let train = try CommandRun.damTUI([
      "train", "--preset", "default", "--steps", "120", "--quiet", "--jsonl", "-", "--log-dir", logs,
      "--change", "60:training.l2=0.001",
    ])
    #expect(train.status == 0, "\(train.stderr)")
    #expect(train.stderr.isEmpty, "\(train.stderr)")
    let names = try Self.runs(in: logs)
    #expect(names.count == 1)
    let name = try #require(names.first)
    #expect(name.range(of: #"^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_default$"#, options: .regularExpression) != nil, "\(name)")
    let run = logs + "/" + name
    let files = try Self.runs(in: run)
    #expect(
      files.filter { !$0.hasPrefix("events.out.tfevents.") } == [
        "final.safetensors", "metrics.jsonl", "preset.toml", "recording.jsonl", "summary.json",
      ], "\(files)")
    #expect(files.filter { $0.hasPrefix("events.out.tfevents.") }.count == 1)
    #expect(try String(contentsOfFile: run + "/metrics.jsonl", encoding: .utf8) == train.stdout)

    let summary = try #require(
      JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/summary.json")))
        as? [String: Any])
    #expect(summary["name"] as? String == name)
    #expect(summary["status"] as? String == "finished")
    #expect(summary["steps"] as? Int == 120)
    #expect(summary["command"] as? String == "train")
    let changes = try #require(summary["changes"] as? [[String: Any]])
    #expect(changes.count == 1)
    #expect(changes.first?["key"] as? String == "training.l2" && changes.first?["to"] as? String == "0.001")

    let check = try CommandRun.damTUI(["check", run + "/preset.toml"])
    #expect(check.status == 0, "\(check.stderr)")
    let replayed = folder.path("replayed.safetensors")
    let replay = try CommandRun.damTUI([
      "replay", run + "/recording.jsonl", "--quiet", "--save-weights", replayed,
    ])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: replayed))
        == Data(contentsOf: URL(fileURLWithPath: run + "/final.safetensors")))
  }

  @Test("Two runs started in the same second get distinct folders")
  func sameSecond() throws {
    let folder = try TemporaryFolder()
    let logs = folder.path("logs")
    let arguments = ["train", "--preset", "default", "--steps", "1", "--quiet", "--log-dir", logs]
    let first = try SpawnedCommand(arguments, stdout: .path("/dev/null"), stderrPath: folder.path("e1"))
    let second = try SpawnedCommand(arguments, stdout: .path("/dev/null"), stderrPath: folder.path("e2"))
    #expect(first.wait() == .exited(0))
    #expect(second.wait() == .exited(0))
    let names = try Self.runs(in: logs)
    #expect(names.count == 2, "\(names)")
    for name in names {
      #expect(FileManager.default.fileExists(atPath: logs + "/" + name + "/summary.json"), "\(name)")
    }
  }

  @Test("A log folder that cannot be made is a warning on stderr; training and --jsonl are unharmed")
  func unwritableLogFolder() throws {
    let folder = try TemporaryFolder()
    // A file where the folder would be: mkdir fails even for root.
    let logs = try folder.write("taken", "not a folder\n") + "/runs"
    let logged = try CommandRun.damTUI([
      "train", "--preset", "default", "--steps", "60", "--quiet", "--jsonl", "-", "--log-dir", logs,
    ])
    let plain = try CommandRun.damTUI(["train", "--preset", "default", "--steps", "60", "--quiet", "--jsonl", "-"])
    #expect(logged.status == 0)
    #expect(
      logged.stderr.contains("warning: run log") && logged.stderr.contains("training goes on"), "\(logged.stderr)")
    #expect(logged.jsonLines.count == plain.jsonLines.count && !plain.jsonLines.isEmpty)
    #expect(logged.jsonLines.map { $0["val_loss"] as? Double } == plain.jsonLines.map { $0["val_loss"] as? Double })
  }

  @Test("After SIGKILL mid-run every line of metrics.jsonl parses and every event record's CRCs hold")
  func killedMidRun() throws {
    let folder = try TemporaryFolder()
    let logs = folder.path("logs")
    let command = try SpawnedCommand(
      ["train", "--preset", "digits", "--steps", "1000000", "--quiet", "--log-dir", logs],
      stdout: .path("/dev/null"), stderrPath: folder.path("stderr"))
    let deadline = Date().addingTimeInterval(60)
    var metrics = ""
    while Date() < deadline {
      if let name = try? Self.runs(in: logs).first,
        let text = try? String(contentsOfFile: logs + "/" + name + "/metrics.jsonl", encoding: .utf8),
        text.split(separator: "\n").count >= 3
      {
        metrics = logs + "/" + name
        break
      }
      usleep(20_000)
    }
    command.send(SIGKILL)
    #expect(command.wait() == .killed(SIGKILL))
    try #require(!metrics.isEmpty, "no evaluations within 60 s: \(command.stderr)")
    let lines = try String(contentsOfFile: metrics + "/metrics.jsonl", encoding: .utf8)
    #expect(lines.hasSuffix("\n"))
    for line in lines.split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
    }
    let events = try #require(try Self.runs(in: metrics).first { $0.hasPrefix("events.out.tfevents.") })
    let records = try TFRecordCheck.validRecords(in: metrics + "/" + events)
    #expect(records >= 3)
    let recording = try String(contentsOfFile: metrics + "/recording.jsonl", encoding: .utf8)
    #expect(recording.hasSuffix("\n") && recording.hasPrefix("{\"recording\":1"))
  }
}
