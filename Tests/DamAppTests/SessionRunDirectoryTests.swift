import DamApp
import DamTraining
import Foundation
import Testing

/// The run directory every interactive session writes (`--log-dir`): its files, a recording that replays
/// to the final weights bit for bit, a fork's sibling, a folder that cannot be written, and `R` reading
/// the same folder.
@Suite("Run directories of interactive sessions")
struct SessionRunDirectoryTests {
  /// The run directories in `logs` inside the run's folder, by name.
  static func runs(of ui: AppRun) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: ui.folder.appendingPathComponent("logs").path).sorted()
  }

  /// The path of `file` in run `name`.
  static func path(_ ui: AppRun, _ name: String, _ file: String) -> String {
    ui.folder.appendingPathComponent("logs").appendingPathComponent(name).appendingPathComponent(file).path
  }

  /// The summary of run `name`, as JSON.
  static func summary(_ ui: AppRun, _ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path(ui, name, "summary.json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Replays run `name`'s `recording.jsonl` as `dam-tui replay` does and returns the final weights.
  static func replayedWeights(_ ui: AppRun, _ name: String) throws -> [UInt8] {
    let file = path(ui, name, "recording.jsonl")
    let recording = try SessionRecording(parsing: try String(contentsOfFile: file, encoding: .utf8), file: file)
    var preset = try Preset.parse(
      Array(recording.presetText.utf8), name: recording.presetName, source: .file(path: file), file: file)
    preset.run.seed = recording.seed
    let stop = try #require(recording.commands.last { $0.command == .stop }?.step)
    var run = HeadlessRun(trainer: try Trainer(preset: preset), steps: stop, commands: recording.commands)
    _ = try run.run()
    return run.trainer.network.safetensors()
  }

  static func contents(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test("A session writes its run directory live; its recording replays to final.safetensors bit for bit")
  func sessionDirectory() throws {
    let ui = try AppRun(speed: .maximum, logDirectory: "logs")
    let start = try ui.currentStep()
    ui.waitForStep(above: start + 100)
    let name = try #require(try Self.runs(of: ui).first)
    let metrics = try String(contentsOfFile: Self.path(ui, name, "metrics.jsonl"), encoding: .utf8)
    #expect(metrics.hasPrefix("{"), "metrics.jsonl is written while the session runs")
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    ui.waitForStep(above: try ui.currentStep() + 100)
    ui.quit()
    #expect(try Self.runs(of: ui) == [name])
    let files = try FileManager.default.contentsOfDirectory(
      atPath: ui.folder.appendingPathComponent("logs").appendingPathComponent(name).path)
    for file in ["preset.toml", "recording.jsonl", "metrics.jsonl", "final.safetensors", "summary.json", "journal.md"] {
      #expect(files.contains(file), "\(file) missing from \(files)")
    }
    #expect(files.contains { $0.hasPrefix("events.out.tfevents.") }, "\(files)")
    let summary = try Self.summary(ui, name)
    #expect(summary["command"] as? String == "screen")
    #expect(summary["status"] as? String == "stopped")
    let changes = try #require(summary["changes"] as? [[String: Any]])
    #expect(changes.first?["key"] as? String == "training.learning_rate")
    let journal = try String(contentsOfFile: Self.path(ui, name, "journal.md"), encoding: .utf8)
    #expect(journal == ui.journals.first?.markdown)
    #expect(journal.contains("training.learning_rate 0.01 -> "), "\(journal)")
    #expect(try Self.replayedWeights(ui, name) == Self.contents(Self.path(ui, name, "final.safetensors")))
  }

  @Test("A fork writes branch B as the sibling <name>-B, linked both ways, replaying to its own weights")
  func forkSibling() throws {
    let ui = try AppRun(speed: .maximum, logDirectory: "logs")
    let start = try ui.currentStep()
    ui.waitForStep(above: start + 50)
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    ui.send("f")
    ui.expectScreen("Branch B")
    ui.send("b", "+")
    ui.waitForStep(above: try ui.currentStep() + 100)
    ui.quit()
    let names = try Self.runs(of: ui)
    #expect(names.count == 2, "\(names)")
    let name = try #require(names.first)
    #expect(names.last == name + "-B")
    let a = try Self.summary(ui, name)
    let b = try Self.summary(ui, name + "-B")
    #expect(a["branch"] as? String == "A")
    #expect(a["sibling"] as? String == name + "-B")
    #expect(b["branch"] as? String == "B")
    #expect(b["sibling"] as? String == name)
    let forkStep = try #require(b["fork_step"] as? Int)
    #expect(a["fork_step"] as? Int == forkStep)
    #expect((b["steps"] as? Int ?? 0) > forkStep)
    for run in [name, name + "-B"] {
      #expect(FileManager.default.fileExists(atPath: Self.path(ui, run, "journal.md")), "\(run)")
      #expect(try Self.replayedWeights(ui, run) == Self.contents(Self.path(ui, run, "final.safetensors")), "\(run)")
    }
    #expect(try Self.replayedWeights(ui, name) != Self.replayedWeights(ui, name + "-B"))
  }

  @Test("A log folder that cannot be made shows one warning in the status line, and training goes on")
  func unwritableFolder() throws {
    let ui = try AppRun(logDirectory: "logs") { folder in
      try Data("a file, not a folder\n".utf8).write(to: folder.appendingPathComponent("logs"))
    }
    let screen = ui.expectScreen("logs: is not a folder")
    #expect(screen.split(separator: "\n").suffix(2).joined().contains("is not a folder"), "\(screen)")
    ui.waitForStep(above: try ui.currentStep() + 30)
    ui.quit()
  }

  @Test("Loading a preset starts a new run directory; R lists the earlier one from the same --log-dir")
  func browserReadsLogDirectory() throws {
    let ui = try AppRun(speed: .maximum, logDirectory: "logs")
    ui.waitForStep(above: try ui.currentStep() + 50)
    let first = try #require(try Self.runs(of: ui).first)
    ui.chooseFirstPreset(listing: "default")
    ui.expectScreen("ghost 1")
    ui.send("R")
    ui.expectScreen(first)
    ui.send("Escape")
    ui.quit()
    #expect(try Self.runs(of: ui).count == 2)
    #expect(FileManager.default.fileExists(atPath: Self.path(ui, first, "summary.json")))
  }
}
