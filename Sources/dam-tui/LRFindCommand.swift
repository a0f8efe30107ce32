import ArgumentParser
import DamEngine
import DamTraining

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui lr-find`: the learning-rate range test on a preset's freshly initialized network.
///
/// Prints the curve (an ASCII plot when standard output is a terminal, a compact table otherwise) and, as
/// its last line, `suggested learning_rate = X`. `--jsonl` writes one object per step and a final one
/// (`LearningRateRangeRecordEncoder`); with `--jsonl -` standard output carries only those lines. Exit 0
/// with a suggestion, 1 without one (the loss turned up at once; the reason goes to standard error), 2 for
/// bad arguments, presets or outputs, or when `--jsonl` cannot be written (the sweep stops there); 130, 143
/// or 129 after SIGINT, SIGTERM or SIGHUP (the final object, with status `stopped`, is written first).
struct LRFindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lr-find",
    abstract: "Find a learning rate: raise it exponentially on a fresh network and watch the loss.",
    discussion: """
      Trains a copy of the preset's network for --steps steps while the learning rate grows from --start \
      to --end by the same factor each step, and stops early when the smoothed loss exceeds 4 times its best \
      or turns non-finite. It suggests the steepest descent of the smoothed loss against log(lr) before the \
      loss turns up, or, when the curve shows no clear descent, a tenth of the rate where it turns up \
      (docs/lr-find.md).
      """)

  @OptionGroup var presetOptions: PresetOptions

  @OptionGroup var seedOption: SeedOption

  @Option(help: ArgumentHelp("Steps of the sweep (5...100000).", valueName: "n"))
  var steps: Int = LearningRateRangeSettings().steps

  @Option(help: ArgumentHelp("The learning rate of the first step.", valueName: "lr"))
  var start: Double = LearningRateRangeSettings().startLearningRate

  @Option(help: ArgumentHelp("The learning rate of the last step (at most 10).", valueName: "lr"))
  var end: Double = LearningRateRangeSettings().endLearningRate

  @Option(help: ArgumentHelp("Write JSON lines to FILE, or - for standard output.", valueName: "file|-"))
  var jsonl: String?

  @Flag(help: "Let --jsonl replace an existing file.")
  var force = false

  func run() throws {
    let settings = LearningRateRangeSettings(startLearningRate: start, endLearningRate: end, steps: steps)
    do {
      try settings.validate()
    } catch {
      throw CommandFailure("--\(error.key) \(error.value) is not allowed: expected \(error.allowed)")
    }
    let preset = try seedOption.apply(to: presetOptions.load())
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure(error.message)
    }
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    let target = plan.add("--jsonl", jsonl)
    try plan.requireWritable()
    let output: LineFile?
    do {
      output = try target.map { target throws(OutputError) in try LineFile(target: target, overwrite: force) }
    } catch {
      throw CommandFailure(error.description)
    }
    ShutdownSignals.install()
    var test = try! LearningRateRangeTest(trainer: trainer, settings: settings)
    var failure: SessionError?
    while ShutdownSignals.received == nil, failure == nil, let point = test.advance() {
      failure = write(LearningRateRangeRecordEncoder.line(point), to: output)
    }
    let result = test.result
    let stopped = !test.isFinished
    let finalFailure = write(LearningRateRangeRecordEncoder.finalLine(result, stopped: stopped), to: output)
    if let failure = failure ?? finalFailure { throw CommandFailure(failure.message) }
    if jsonl != "-" {
      let lines =
        isatty(1) == 1
        ? LRFindChart.plot(result, width: 64, height: 16)
        : LRFindChart.table(result, rows: 20)
      for line in lines { print(line) }
      print(
        stopped
          ? "stopped by \(ShutdownSignals.name ?? "a signal") after \(result.points.count) of \(settings.steps) steps"
          : LRFindChart.ending(result, plannedSteps: settings.steps))
    }
    if let code = ShutdownSignals.exitCode { throw ExitCode(code) }
    guard let suggestion = result.suggestion else {
      StandardError.report(
        "no suggestion: the smoothed loss turned up during or right after the moving average's warm-up;"
          + " try a smaller --start or more --steps")
      throw ExitCode(1)
    }
    if jsonl != "-" { print("suggested learning_rate = \(LRFindChart.number(suggestion.roundedLearningRate))") }
  }

  /// Writes `line` when there is a file; the failure, if any.
  private func write(_ line: String, to file: LineFile?) -> SessionError? {
    do {
      try file?.write(line: line)
      return nil
    } catch {
      return error
    }
  }
}
