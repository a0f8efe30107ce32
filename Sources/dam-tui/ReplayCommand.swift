import ArgumentParser
import DamTraining
import Foundation

/// `dam-tui replay FILE`: re-runs a recorded session headless, reproducing its losses bit for bit, and
/// streams the same JSON lines as `dam-tui train`.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay", abstract: "Re-run a recorded session (from --record) headless, bit for bit.")

  @Argument(help: ArgumentHelp("The recording.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Write JSON lines to FILE, or - for standard output.", valueName: "file|-"))
  var jsonl: String = "-"

  func run() throws {
    guard let contents = FileManager.default.contents(atPath: file) else {
      throw CommandFailure("\(file): cannot read the recording")
    }
    let text = String(decoding: contents, as: UTF8.self)
    let recording: SessionRecording
    let preset: Preset
    do {
      recording = try SessionRecording(parsing: text, file: file)
      preset = try Preset.parse(
        Array(recording.presetText.utf8), name: recording.presetName, source: .file(path: file), file: file
      ).applying([try PresetOverride(parsing: "run.seed=\(recording.seed)")])
    } catch let error as RecordingError {
      throw CommandFailure(error.description)
    } catch {
      throw CommandFailure("\(file): the recorded preset does not load: \(error)")
    }
    let steps = recording.commands.last { $0.command == .stop }?.step ?? preset.run.steps
    do {
      let output = try LineFile(path: jsonl)
      var run = HeadlessRun(trainer: try Trainer(preset: preset), steps: steps, commands: recording.commands)
      let result = try run.run(onEvaluation: { report, findings throws(SessionError) in
        try output.write(line: TrainingRecordEncoder.line(report, findings: findings))
      })
      try output.write(
        line: TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
    } catch {
      throw CommandFailure(error.message)
    }
  }
}
