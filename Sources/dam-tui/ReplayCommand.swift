import ArgumentParser
import DamTraining
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui replay FILE`: re-runs a recorded session headless, reproducing its losses bit for bit, and
/// streams the same JSON lines as `dam-tui train`, with `train`'s output options (`--save-weights`,
/// `--quiet`).
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay", abstract: "Re-run a recorded session (from --record) headless, bit for bit.")

  @Argument(help: ArgumentHelp("The recording.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Write JSON lines to FILE, or - for standard output.", valueName: "file|-"))
  var jsonl: String = "-"

  @Option(name: .customLong("save-weights"), help: ArgumentHelp("Save the final weights.", valueName: "file"))
  var saveWeights: String?

  @Flag(help: "No progress bar on standard error.")
  var quiet = false

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
      let progress = ProgressLine(enabled: !quiet && isatty(2) == 1, total: steps)
      let result = try run.run(
        onEvaluation: { report, findings throws(SessionError) in
          try output.write(line: TrainingRecordEncoder.line(report, findings: findings))
          progress.show(step: report.step, report: report)
        },
        onProgress: { progress.show(step: $0.step, report: $0.lastEvaluation) })
      progress.finish()
      try output.write(
        line: TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
      if let saveWeights { try run.trainer.network.saveWeights(to: saveWeights) }
    } catch let error as SessionError {
      throw CommandFailure(error.message)
    } catch {
      throw CommandFailure("\(saveWeights ?? file): \(error)")
    }
  }
}
