import ArgumentParser
import DamEngine
import DamTraining
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui train`: the session without a screen, for scripts, sweeps and schedulers.
///
/// Streams one JSON object per evaluation and a final one (`--jsonl`), applies `--change` settings at their
/// steps exactly as key presses would, records the run (`--record`) and saves weights (`--save-weights`).
/// Exit 0 when the run completed or diverged, 2 for bad arguments, presets or outputs (checked before
/// step 1) and when an output cannot be written during the run (it stops, writing what still fits), 130,
/// 143 or 129 after SIGINT, SIGTERM or SIGHUP (the final record, with status `stopped`, the recording's
/// `stop` line and the weights are written first).
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train", abstract: "Train a preset without the screen, streaming JSON lines.")

  @OptionGroup var presetOptions: PresetOptions

  @Option(help: ArgumentHelp("Optimizer updates to run (default: the preset's run.steps).", valueName: "n"))
  var steps: Int?

  @Option(help: ArgumentHelp("Passes over the training split to run, instead of --steps.", valueName: "n"))
  var epochs: Int?

  @OptionGroup var seedOption: SeedOption

  @Option(
    name: .customLong("change"),
    help: ArgumentHelp("Apply a setting when the run reaches STEP. Repeatable.", valueName: "STEP:section.key=value"))
  var changes: [String] = []

  @Option(help: ArgumentHelp("Write JSON lines to FILE, or - for standard output.", valueName: "file|-"))
  var jsonl: String?

  @Option(name: .customLong("save-weights"), help: ArgumentHelp("Save the final weights.", valueName: "file"))
  var saveWeights: String?

  @Option(help: ArgumentHelp("Record the run for `dam-tui replay`.", valueName: "file"))
  var record: String?

  @Flag(help: "No progress bar on standard error.")
  var quiet = false

  @Flag(help: "Let --jsonl, --record and --save-weights replace existing files.")
  var force = false

  func validate() throws {
    if steps != nil && epochs != nil { throw ValidationError("Give --steps or --epochs, not both.") }
    if let steps, steps < 0 { throw ValidationError("--steps must be at least 0.") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1.") }
  }

  func run() throws {
    ShutdownSignals.install()
    let preset = try seedOption.apply(to: presetOptions.load())
    var scheduled: [RecordedCommand] = []
    var problems: [String] = []
    for argument in changes {
      do {
        let change = try ScheduledChange(parsing: argument)
        scheduled.append(RecordedCommand(step: change.step, command: .set(change.override)))
      } catch {
        problems.append(error.description)
      }
    }
    guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "\n")) }
    scheduled.sort { $0.step < $1.step }
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    let outputs = (
      jsonl: plan.add("--jsonl", jsonl), record: plan.add("--record", record),
      weights: plan.add("--save-weights", saveWeights, allowsStandardOutput: false)
    )
    try plan.requireWritable()
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure(error.message)
    }
    let batches = (trainer.data.train.count + preset.training.batchSize - 1) / preset.training.batchSize
    let total = steps ?? epochs.map { $0 * batches } ?? preset.run.steps
    let streams = try RunStreams(jsonl: outputs.jsonl, record: outputs.record, overwrite: force)
    streams.record(
      SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed).headerLine)
    try streams.requireWritten()
    var run = HeadlessRun(trainer: trainer, steps: total, commands: scheduled)
    let progress = ProgressLine(enabled: !quiet && isatty(2) == 1, total: total)
    let result: (outcome: RunOutcome, last: EvaluationReport, findings: [Finding])
    do {
      result = try run.run(
        onApplied: { streams.record(SessionRecording.line($0)) },
        onEvaluation: { report, findings in
          streams.evaluation(TrainingRecordEncoder.line(report, findings: findings))
          progress.show(step: report.step, report: report)
        },
        onProgress: { progress.show(step: $0.step, report: $0.lastEvaluation) },
        shouldStop: { ShutdownSignals.received != nil || streams.failure != nil })
    } catch {
      progress.finish()
      throw CommandFailure(error.message)
    }
    progress.finish()
    streams.evaluation(
      TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
    streams.record(SessionRecording.line(RecordedCommand(step: run.trainer.step, command: .stop)))
    if let target = outputs.weights {
      do {
        try target.write(run.trainer.network.safetensors(), overwrite: force)
      } catch {
        streams.fail(error.description)
      }
    }
    try streams.requireWritten()
    if result.outcome.status == .stopped, let code = ShutdownSignals.exitCode { throw ExitCode(code) }
  }
}

/// The progress display of `train` on standard error: step, losses and samples/s on one line, redrawn at
/// most ten times a second.
private final class ProgressLine {
  private let enabled: Bool
  private let total: Int
  private var lastDrawn: UInt64 = 0
  private var drawn = false

  init(enabled: Bool, total: Int) {
    self.enabled = enabled
    self.total = total
  }

  /// Redraws the line if a tenth of a second has passed since the last time.
  func show(step: Int, report: EvaluationReport?) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    guard now - lastDrawn >= 100_000_000 else { return }
    lastDrawn = now
    var line = "\r\u{1B}[2Kstep \(step)/\(total)"
    if let report {
      line += "  train \(rounded(report.trainingLoss))  val \(rounded(report.validationLoss))"
      line += "  \(Int(report.samplesPerSecond)) samples/s"
    }
    writeStandardError(line)
    drawn = true
  }

  /// Ends the line so later output starts on a fresh one.
  func finish() {
    if drawn { writeStandardError("\n") }
  }

  private func rounded(_ value: Double) -> String {
    value.isFinite ? String((value * 10_000).rounded() / 10_000) : String(value)
  }

  private func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}
