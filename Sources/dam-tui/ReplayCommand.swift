import ArgumentParser
import DamTraining
import Foundation

/// `dam-tui replay FILE`: re-runs a recorded session headless, reproducing its losses bit for bit, and
/// streams the same JSON lines as `dam-tui train`. SIGINT, SIGTERM and SIGHUP stop it after the current
/// step with the final record (status `stopped`) and exit 130, 143 or 129.
struct ReplayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay", abstract: "Re-run a recorded session (from --record) headless, bit for bit.")

  @Argument(help: ArgumentHelp("The recording.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("Write JSON lines to FILE, or - for standard output.", valueName: "file|-"))
  var jsonl: String = "-"

  @Flag(help: "Let --jsonl replace an existing file.")
  var force = false

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
    var plan = OutputPlan(force: force, inputs: [file] + preset.inputFiles)
    let target = plan.add("--jsonl", jsonl)
    try plan.requireWritable()
    let streams = try RunStreams(jsonl: target, record: nil, overwrite: force)
    ShutdownSignals.install()
    do {
      var run = HeadlessRun(trainer: try Trainer(preset: preset), steps: steps, commands: recording.commands)
      let result = try run.run(
        onEvaluation: { report, findings in streams.evaluation(TrainingRecordEncoder.line(report, findings: findings))
        },
        shouldStop: { ShutdownSignals.received != nil || streams.failure != nil })
      streams.evaluation(
        TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
      try streams.requireWritten()
      if result.outcome.status == .stopped, let code = ShutdownSignals.exitCode { throw ExitCode(code) }
    } catch let error as SessionError {
      throw CommandFailure(error.message)
    }
  }
}
