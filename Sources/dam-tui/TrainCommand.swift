import ArgumentParser
import DamEngine
import DamTraining
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Set by the SIGINT handler; the training loop polls it between steps.
private let interrupted = Atomic<Bool>(false)

/// `dam-tui train`: the session without a screen, for scripts, sweeps and schedulers.
///
/// Streams one JSON object per evaluation and a final one (`--jsonl`), applies `--change` settings at their
/// steps exactly as key presses would, records the run (`--record`) and saves weights (`--save-weights`).
/// Exit 0 when the run completed or diverged, 2 for bad arguments or presets, 130 after SIGINT (the final
/// record, with status `stopped`, is written first).
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

  func validate() throws {
    if steps != nil && epochs != nil { throw ValidationError("Give --steps or --epochs, not both.") }
    if let steps, steps < 0 { throw ValidationError("--steps must be at least 0.") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1.") }
  }

  func run() throws {
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
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure(error.message)
    }
    let batches = (trainer.data.train.count + preset.training.batchSize - 1) / preset.training.batchSize
    let total = steps ?? epochs.map { $0 * batches } ?? preset.run.steps
    let output = try open(jsonl)
    let recording = try open(record)
    try writeLine(
      SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed).headerLine,
      to: recording)
    var run = HeadlessRun(trainer: trainer, steps: total, commands: scheduled)
    let progress = ProgressLine(enabled: !quiet && isatty(2) == 1, total: total)
    signal(SIGINT) { _ in interrupted.store(true, ordering: .relaxed) }
    let result: (outcome: RunOutcome, last: EvaluationReport, findings: [Finding])
    do {
      result = try run.run(
        onApplied: { entry throws(SessionError) in try writeLine(SessionRecording.line(entry), to: recording) },
        onEvaluation: { report, findings throws(SessionError) in
          try writeLine(TrainingRecordEncoder.line(report, findings: findings), to: output)
          progress.show(step: report.step, report: report)
        },
        onProgress: { progress.show(step: $0.step, report: $0.lastEvaluation) },
        shouldStop: { interrupted.load(ordering: .relaxed) })
      try writeLine(
        TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome), to: output)
      try writeLine(SessionRecording.line(RecordedCommand(step: run.trainer.step, command: .stop)), to: recording)
    } catch {
      progress.finish()
      throw CommandFailure(error.message)
    }
    progress.finish()
    if let saveWeights {
      do {
        try run.trainer.network.saveWeights(to: saveWeights)
      } catch {
        throw CommandFailure("\(saveWeights): \(error)")
      }
    }
    if result.outcome.status == .stopped && interrupted.load(ordering: .relaxed) { throw ExitCode(130) }
  }

  private func open(_ path: String?) throws(CommandFailure) -> LineFile? {
    guard let path else { return nil }
    do {
      return try LineFile(path: path)
    } catch {
      throw CommandFailure(error.message)
    }
  }
}

/// Writes `line` to `file` when there is one.
private func writeLine(_ line: String, to file: LineFile?) throws(SessionError) {
  try file?.write(line: line)
}
