import ArgumentParser
import DamTraining

/// `dam-tui landscape`: trains a preset (applying `--change` settings at their steps, as `train` does), then
/// writes the loss landscape around the final weights as CSV.
///
/// One row per grid point, `alpha,beta,train_loss,val_loss`, alpha varying fastest: the mean data loss
/// over each whole split in evaluation mode at final + alpha * d1 + beta * d2 (the quantities of
/// `train`'s `train_loss` and `val_loss`; at (0, 0) the run's own final figures). `--plane random` draws
/// d1 and d2 from the run's seed, filter-normalized (Li et al. 2018); `--plane path` takes the two leading
/// principal directions of the training path. The output is checked before training starts and written
/// atomically. Exit 0 on success, 2 for bad arguments, presets or outputs; 130, 143 or 129 after SIGINT,
/// SIGTERM or SIGHUP (nothing is written).
struct LandscapeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "landscape",
    abstract: "Train a preset, then write the loss landscape around its weights as CSV.",
    discussion: """
      Writes one row per grid point: alpha, beta, train_loss, val_loss. The random plane spans \
      [-range, range]^2 along two filter-normalized random directions; the path plane spans the training \
      path's principal directions, range times the path's extent along each. Uses all cores.
      """)

  @OptionGroup var presetOptions: PresetOptions

  @OptionGroup var seedOption: SeedOption

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Optimizer updates before the landscape (default: the preset's run.steps).", valueName: "n"))
  var steps: String?

  @Option(
    name: .customLong("change"),
    help: ArgumentHelp(
      "Apply a setting when the run reaches STEP, as `train` does (a fork's branch B). Repeatable.",
      valueName: "STEP:section.key=value"))
  var changes: [String] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("Points per axis, 3...201.", valueName: "n"))
  var grid = String(LandscapeSettings().gridSize)

  @Option(parsing: .unconditional, help: ArgumentHelp("Half-width of the grid, in (0, 100].", valueName: "r"))
  var range = "1"

  @Option(help: ArgumentHelp("The plane: random or path.", valueName: "plane"))
  var plane = LandscapePlane.random.rawValue

  @Option(help: ArgumentHelp("The CSV file to write, or - for standard output.", valueName: "file|-"))
  var out: String

  @Flag(help: "Let --out replace an existing file.")
  var force = false

  func run() throws {
    let preset = try seedOption.apply(to: presetOptions.load())
    var settings = LandscapeSettings()
    settings.gridSize = try NumericOption.integer(grid, option: "--grid", in: 3...201)
    settings.range = try NumericOption.number(range, option: "--range", allowed: "a number in (0, 100]")
    guard let chosenPlane = LandscapePlane(rawValue: plane) else {
      throw CommandFailure("--plane \(plane) is not allowed: expected random or path")
    }
    settings.plane = chosenPlane
    settings.seed = preset.run.seed
    do {
      try settings.validate()
    } catch {
      throw CommandFailure("--\(error.key) \(error.value) is not allowed: expected \(error.allowed)")
    }
    let total = try steps.map { text throws(CommandFailure) in
      try NumericOption.integer(text, option: "--steps", in: 0...RunSpec.stepsRange.upperBound)
    }
    let changes = try ScheduledChange.parsing(self.changes)
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    let target = plan.add("--out", out)
    try plan.requireWritable()
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure("\(preset.source.displayName): \(error.message)")
    }
    let lastStep = total ?? preset.run.steps
    let scheduled = try ScheduledChange.commands(changes, trainer: trainer, lastStep: lastStep)
    ShutdownSignals.install()
    var run = HeadlessRun(trainer: trainer, steps: lastStep, commands: scheduled)
    do {
      _ = try run.run(shouldStop: { ShutdownSignals.received != nil })
    } catch {
      throw CommandFailure(error.message)
    }
    if let code = ShutdownSignals.exitCode { throw ExitCode(code) }
    guard let slice = LandscapeSlice.plane(around: run.trainer, settings: settings) else {
      throw CommandFailure("--plane path needs a training path: train for at least one evaluation interval first")
    }
    let cancellation = LandscapeCancellation()
    let landscape = LossLandscape(trainer: run.trainer)
    let result = landscape.evaluate(
      slice, threads: ThreadSetting.auto.count(headless: true), cancellation: cancellation
    ) {
      _, _ in if ShutdownSignals.received != nil { cancellation.cancel() }
    }
    guard let result else { throw ExitCode(ShutdownSignals.exitCode ?? 130) }
    do {
      try target?.write(Array(LandscapeCSV.text(result).utf8), overwrite: force)
    } catch {
      throw CommandFailure(error.description)
    }
  }
}
