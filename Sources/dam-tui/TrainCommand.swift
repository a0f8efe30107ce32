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

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Optimizer updates to run, 0...1000000000 (default: the preset's run.steps).", valueName: "n"))
  var steps: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Passes over the training split to run, instead of --steps.", valueName: "n"))
  var epochs: String?

  @OptionGroup var seedOption: SeedOption

  @OptionGroup var threadsOption: ThreadsOption

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

  @OptionGroup var runLog: RunLogOptions

  @Flag(help: "No progress bar on standard error.")
  var quiet = false

  @Flag(help: "Let --jsonl, --record and --save-weights replace existing files.")
  var force = false

  func validate() throws {
    if steps != nil && epochs != nil { throw ValidationError("Give --steps or --epochs, not both.") }
  }

  func run() throws {
    ShutdownSignals.install()
    let preset = try threadsOption.apply(to: seedOption.apply(to: presetOptions.load()), headless: true)
    let maximum = RunSpec.stepsRange.upperBound
    let steps = try self.steps.map { text throws(CommandFailure) in
      try NumericOption.integer(text, option: "--steps", in: 0...maximum)
    }
    let changes = try ScheduledChange.parsing(self.changes)
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
      throw CommandFailure("\(preset.source.displayName): \(error.message)")
    }
    let batches = (trainer.data.train.count + preset.training.batchSize - 1) / preset.training.batchSize
    let epochs = try self.epochs.map { text throws(CommandFailure) in
      try NumericOption.integer(
        text, option: "--epochs", in: 1...(maximum / batches),
        because: " (an epoch is \(batches) steps here, and a run at most \(maximum) steps)")
    }
    let total = steps ?? epochs.map { $0 * batches } ?? preset.run.steps
    let scheduled = try ScheduledChange.commands(changes, trainer: trainer, lastStep: total)
    let streams = try RunStreams(jsonl: outputs.jsonl, record: outputs.record, overwrite: force)
    let header = SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed)
      .headerLine
    streams.record(header)
    try streams.requireWritten()
    let log = runLog.start(
      preset: preset, command: .train, recordingHeader: header, warn: { StandardError.report("warning: " + $0) })
    var run = HeadlessRun(trainer: trainer, steps: total, commands: scheduled)
    let progress = ProgressLine(enabled: !quiet && isatty(2) == 1, total: total)
    let result: (outcome: RunOutcome, last: EvaluationReport, findings: [Finding])
    do {
      result = try run.run(
        onApplied: {
          streams.record(SessionRecording.line($0))
          log?.record(SessionRecording.line($0))
          log?.applied($0)
        },
        onEvaluation: { report, findings in
          let line = TrainingRecordEncoder.line(report, findings: findings)
          streams.evaluation(line)
          log?.metricsLine(line)
          progress.show(step: report.step, report: report)
        },
        afterEvaluation: { log?.evaluated($0.lastEvaluation!, findings: $0.findings, network: $0.network) },
        onProgress: { progress.show(step: $0.step, report: $0.lastEvaluation) },
        shouldStop: { ShutdownSignals.received != nil || streams.failure != nil })
    } catch {
      progress.finish()
      log?.finish(status: .stopped, steps: run.trainer.step, network: run.trainer.network)
      throw CommandFailure(error.message)
    }
    progress.finish()
    let finalLine = TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome)
    streams.evaluation(finalLine)
    let stopLine = SessionRecording.line(RecordedCommand(step: run.trainer.step, command: .stop))
    streams.record(stopLine)
    if let log {
      log.metricsLine(finalLine)
      log.record(stopLine)
      log.evaluated(result.last, findings: result.findings, network: run.trainer.network)
      log.finish(
        status: RunSummary.Status(
          result.outcome.status, interrupted: ShutdownSignals.received != nil || streams.failure != nil),
        steps: run.trainer.step, network: run.trainer.network, outcome: result.outcome)
    }
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
