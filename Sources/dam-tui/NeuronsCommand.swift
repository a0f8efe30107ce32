import ArgumentParser
import DamTraining

/// `dam-tui neurons`: trains a preset, then writes what the neuron view shows as CSV (`NeuronCSV`).
///
/// 2-D inputs: `layer,unit,x,y,activation`, every hidden unit's output on a `--grid` x `--grid` plane
/// over the training data's box (the decision map's), in evaluation mode. Other inputs:
/// `unit,input,name,weight`, the first layer's incoming weights. The output is checked before training
/// starts and written atomically. Exit 0 on success, 2 for bad arguments, presets or outputs; 130, 143
/// or 129 after SIGINT, SIGTERM or SIGHUP (nothing is written).
struct NeuronsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "neurons",
    abstract: "Train a preset, then write each hidden unit's activations over the input plane as CSV.",
    discussion: """
      2-D inputs: one row per hidden unit and grid point: layer, unit, x, y, activation (layers and units \
      from 1, input side first; each unit's grid from the top row, x varying fastest). Data with more than \
      two inputs: one row per first-layer unit and input: unit, input, name, weight.
      """)

  @OptionGroup var presetOptions: PresetOptions

  @OptionGroup var seedOption: SeedOption

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Optimizer updates first (default: the preset's run.steps).", valueName: "n"))
  var steps: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Points per side of the plane, \(NeuronActivations.gridRange.lowerBound)...\(NeuronActivations.gridRange.upperBound).",
      valueName: "n"))
  var grid = "32"

  @Option(help: ArgumentHelp("The CSV file to write, or - for standard output.", valueName: "file|-"))
  var out: String

  @Flag(help: "Let --out replace an existing file.")
  var force = false

  func run() throws {
    let preset = try seedOption.apply(to: presetOptions.load())
    let gridSize = try NumericOption.integer(grid, option: "--grid", in: NeuronActivations.gridRange)
    let total = try steps.map { text throws(CommandFailure) in
      try NumericOption.integer(text, option: "--steps", in: 0...RunSpec.stepsRange.upperBound)
    }
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    let target = plan.add("--out", out)
    try plan.requireWritable()
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure("\(preset.source.displayName): \(error.message)")
    }
    ShutdownSignals.install()
    var run = HeadlessRun(trainer: trainer, steps: total ?? preset.run.steps)
    do {
      _ = try run.run(shouldStop: { ShutdownSignals.received != nil })
    } catch {
      throw CommandFailure(error.message)
    }
    if let code = ShutdownSignals.exitCode { throw ExitCode(code) }
    let neurons = NeuronActivations.compute(trainer: run.trainer, grid: gridSize)
    do {
      try target?.write(Array(NeuronCSV.text(neurons).utf8), overwrite: force)
    } catch {
      throw CommandFailure(error.description)
    }
  }
}
