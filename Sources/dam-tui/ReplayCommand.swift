import ArgumentParser
import DamData
import DamTraining

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui replay FILE`: re-runs a recorded session headless, reproducing its losses bit for bit, and
/// streams the same JSON lines as `dam-tui train`, with `train`'s output options (`--save-weights`,
/// `--quiet`). SIGINT, SIGTERM and SIGHUP stop it after the current step with the final record (status
/// `stopped`) and the weights, and exit 130, 143 or 129.
///
/// The whole recording is checked before the first step and before any output: every line parses, the
/// seed is in range, the preset loads and every command applies (`CommandRehearsal`), each problem named
/// by its line.
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

  @Flag(help: "Let --jsonl and --save-weights replace existing files.")
  var force = false

  func run() throws {
    let contents: [UInt8]
    do {
      contents = try RegularFile.contents(atPath: file)
    } catch {
      throw CommandFailure("\(file): cannot read the recording: \(error)")
    }
    let recording: SessionRecording
    do {
      recording = try SessionRecording(parsing: String(decoding: contents, as: UTF8.self), file: file)
    } catch {
      throw CommandFailure(error.description)
    }
    var preset: Preset
    do {
      // Lines of its diagnostics count in the preset's text, not in the recording.
      preset = try Preset.parse(
        Array(recording.presetText.utf8), name: recording.presetName, source: .file(path: file),
        file: "the preset in the header of \(file)")
    } catch {
      throw CommandFailure(error.description)
    }
    preset.run.seed = recording.seed
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure("\(file): the recorded preset does not train: \(error.message)")
    }
    let problems = CommandRehearsal.problems(in: recording.commands, on: trainer, lastStep: nil, headless: false) {
      index, message in PresetDiagnostic(file: file, line: recording.commandLines[index], message: message)
    }
    guard problems.isEmpty else { throw CommandFailure(problems.map(\.description).joined(separator: "\n")) }
    let steps = recording.commands.last { $0.command == .stop }?.step ?? preset.run.steps
    var plan = OutputPlan(force: force, inputs: [file] + preset.inputFiles)
    let target = plan.add("--jsonl", jsonl)
    let weights = plan.add("--save-weights", saveWeights, allowsStandardOutput: false)
    try plan.requireWritable()
    let streams = try RunStreams(jsonl: target, record: nil, overwrite: force)
    ShutdownSignals.install()
    do {
      var run = HeadlessRun(trainer: trainer, steps: steps, commands: recording.commands)
      let progress = ProgressLine(enabled: !quiet && isatty(2) == 1, total: steps)
      let result = try run.run(
        onEvaluation: { report, findings in
          streams.evaluation(TrainingRecordEncoder.line(report, findings: findings))
          progress.show(step: report.step, report: report)
        },
        onProgress: { progress.show(step: $0.step, report: $0.lastEvaluation) },
        shouldStop: { ShutdownSignals.received != nil || streams.failure != nil })
      progress.finish()
      streams.evaluation(
        TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
      if let weights {
        do {
          try weights.write(run.trainer.network.safetensors(), overwrite: force)
        } catch {
          streams.fail(error.description)
        }
      }
      try streams.requireWritten()
      if result.outcome.status == .stopped, let code = ShutdownSignals.exitCode { throw ExitCode(code) }
    } catch let error as SessionError {
      throw CommandFailure(error.message)
    }
  }
}
