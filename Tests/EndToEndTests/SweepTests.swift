import Foundation
import Testing

/// `dam-tui sweep` run as a user would: JSON lines, reproducible trials, the saved preset, exit codes.
@Suite("Sweep command", .serialized)
struct SweepTests {
  @Test("A sweep writes one JSON line per trial, halves the field and prints the table and the best trial")
  func jsonLinesAndTable() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("trials.jsonl")
    let run = try CommandRun.damTUI(
      ["sweep"] + SweepSupport.axes + [
        "--trials", "7", "--budget", "60", "--jobs", "2", "--seed", "4", "--jsonl", jsonl,
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try SweepSupport.jsonLines(jsonl)
    #expect(lines.count == 7)
    #expect(Set(lines.compactMap { $0["trial"] as? Int }) == Set(0..<7))
    for line in lines {
      #expect(Set(line.keys).isSuperset(of: ["trial", "params", "steps", "val_loss", "val_acc", "status"]))
      let params = line["params"] as? [String: Any] ?? [:]
      #expect(Set(params.keys) == ["training.learning_rate", "training.l2", "model.init"])
    }
    let completed = lines.filter { $0["status"] as? String == "completed" }
    let pruned = lines.filter { $0["status"] as? String == "pruned" }
    #expect(completed.count == 2 && completed.allSatisfy { $0["steps"] as? Int == 60 })
    #expect(pruned.count == 5 && pruned.allSatisfy { $0["steps"] as? Int == 20 })
    #expect(run.stdout.hasPrefix("rank  trial  steps  val_loss  val_acc  status"))
    let bestLoss = completed.compactMap { $0["val_loss"] as? Double }.min()!
    let best = completed.first { $0["val_loss"] as? Double == bestLoss }!
    #expect(run.stdout.contains("best: trial \(best["trial"] as! Int),"))
  }

  @Test("Each trial keeps a run directory <UTC>_<preset>_trial-NNN; a trial that trained on replays bit for bit")
  func trialRunDirectories() throws {
    let folder = try TemporaryFolder()
    let logs = folder.path("logs")
    let run = try CommandRun.damTUI(
      ["sweep"] + SweepSupport.axes + [
        "--trials", "7", "--budget", "36", "--jobs", "2", "--seed", "4", "--log-dir", logs,
      ])
    #expect(run.status == 0, "\(run.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: logs).sorted()
    #expect(names.count == 7, "\(names)")
    #expect(Set(names.map { String($0.suffix(9)) }) == Set((0..<7).map { "trial-00\($0)" }))
    var trainedOn = 0
    for name in names {
      let run = logs + "/" + name
      #expect(
        name.range(of: #"^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_default_trial-00\d$"#, options: .regularExpression) != nil)
      let summary = try #require(
        JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run + "/summary.json")))
          as? [String: Any])
      #expect(summary["command"] as? String == "sweep-trial")
      let steps = try #require(summary["steps"] as? Int)
      let metrics = try SweepSupport.jsonLines(run + "/metrics.jsonl").compactMap { $0["step"] as? Int }
      #expect(metrics == metrics.sorted() && Set(metrics).count == metrics.count, "\(metrics)")
      #expect(metrics.last == steps)
      guard steps == 36 else { continue }
      trainedOn += 1
      let replayed = folder.path("\(name).safetensors")
      let replay = try CommandRun.damTUI(["replay", run + "/recording.jsonl", "--quiet", "--save-weights", replayed])
      #expect(replay.status == 0, "\(replay.stderr)")
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: replayed))
          == Data(contentsOf: URL(fileURLWithPath: run + "/final.safetensors")))
    }
    #expect(trainedOn == 2, "the two survivors train on to the budget in their folders")
    let quiet = try CommandRun.damTUI(
      ["sweep"] + SweepSupport.axes + ["--trials", "2", "--budget", "6", "--no-log"], in: folder.url)
    #expect(quiet.status == 0, "\(quiet.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.path("runs")))
  }

  @Test("Every trial's printed command reproduces its validation loss with dam-tui train")
  func commandsReproduce() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("trials.jsonl")
    let run = try CommandRun.damTUI(
      ["sweep"] + SweepSupport.axes + ["--trials", "6", "--budget", "45", "--seed", "9", "--jsonl", jsonl])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try SweepSupport.lines(jsonl)
    #expect(lines.count == 6)
    for line in lines where line.contains("\"status\":\"completed\"") || line.hasPrefix("{\"trial\":0,") {
      let command = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["command"]
      let text = try #require(command as? String)
      #expect(try SweepSupport.finalValidationLoss(of: text) == SweepSupport.rawValue("val_loss", in: line), "\(text)")
    }
  }

  @Test("The same seed gives the same JSON lines whatever the number of jobs")
  func reproducible() throws {
    let folder = try TemporaryFolder()
    var files: [String] = []
    for jobs in [1, 3] {
      let jsonl = folder.path("jobs-\(jobs).jsonl")
      let run = try CommandRun.damTUI(
        ["sweep"] + SweepSupport.axes + ["--trials", "6", "--budget", "30", "--jobs", "\(jobs)", "--jsonl", jsonl])
      #expect(run.status == 0, "\(run.stderr)")
      files.append(try String(contentsOfFile: jsonl, encoding: .utf8))
    }
    #expect(files[0] == files[1])
    #expect(files[0].split(separator: "\n").count == 6)
  }

  @Test("--save-best writes a preset dam-tui check accepts, and replaces a file only with --force")
  func saveBest() throws {
    let folder = try TemporaryFolder()
    let preset = folder.path("best.toml")
    let arguments = ["sweep"] + SweepSupport.axes + ["--trials", "3", "--budget", "20", "--save-best", preset]
    let run = try CommandRun.damTUI(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    let check = try CommandRun.damTUI(["check", preset])
    #expect(check.status == 0, "\(check.stderr)")
    let text = try String(contentsOfFile: preset, encoding: .utf8)
    #expect(text.contains("steps = 20"))
    let again = try CommandRun.damTUI(arguments)
    #expect(again.status == 2)
    #expect(again.stderr.contains("exists: give --force"))
    #expect(try String(contentsOfFile: preset, encoding: .utf8) == text)
    let forced = try CommandRun.damTUI(arguments + ["--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
  }

  @Test("A bad --vary exits 2 naming the key and the allowed range, before training anything")
  func badAxis() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("trials.jsonl")
    let run = try CommandRun.damTUI(
      ["sweep", "--vary", "training.learning_rate=log:1e-4..100", "--trials", "2", "--budget", "5", "--jsonl", jsonl])
    #expect(run.status == 2)
    #expect(run.stderr.contains("training.learning_rate = 100.0 is out of range: expected a finite number in (0, 10]"))
    #expect(!FileManager.default.fileExists(atPath: jsonl))
    let unknown = try CommandRun.damTUI(["sweep", "--vary", "model.intt=zeros"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("Did you mean \"model.init\"?"))
    let none = try CommandRun.damTUI(["sweep", "--trials", "2"])
    #expect(none.status == 2)
  }

  @Test("Ctrl-C keeps the finished trials' lines, prints the leaderboard so far and exits 130")
  func interrupt() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("trials.jsonl")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try ReleaseBinary.path)
    process.arguments =
      ["sweep", "--vary", "training.learning_rate=log:1e-3..1e-1", "--trials", "6", "--jobs", "1"]
      + ["--budget", "\(Self.interruptBudget)", "--jsonl", jsonl]
    let out = folder.path("stdout")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Rung 0 ends with four pruned lines; interrupt during rung 1.
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline, process.isRunning, (try? SweepSupport.jsonLines(jsonl).count) ?? 0 < 4 {
      usleep(20_000)
    }
    process.interrupt()
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    let lines = try SweepSupport.jsonLines(jsonl)
    #expect(lines.count == 6)
    #expect(lines.filter { $0["status"] as? String == "pruned" }.count == 4)
    let stopped = lines.filter { $0["status"] as? String == "stopped" }
    #expect(stopped.count == 2 && stopped.allSatisfy { $0["steps"] as? Int == Self.interruptBudget / 3 })
    let stdout = try String(contentsOfFile: out, encoding: .utf8)
    #expect(stdout.contains("rank  trial  steps"))
    #expect(stdout.contains("interrupted: 6 of 6 trials have results"))
  }

  /// Long enough that the last rung (two trials, two thirds of it each, one at a time) takes seconds.
  static let interruptBudget = 30_000
}
