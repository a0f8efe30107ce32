import ArgumentParser
import DamData
import DamTraining

/// `dam-tui data`: writes the preset's prepared data (after normalization) as CSV, to a file or (`--out -`)
/// to standard output, the row counts then going to standard error.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Write a preset's prepared data as CSV: columns x0..x{n-1}, y, split (train | validation).")

  @OptionGroup var presetOptions: PresetOptions

  @Option(name: .long, help: ArgumentHelp("The CSV file to write, or - for standard output.", valueName: "file.csv|-"))
  var out: String

  @Flag(help: "Let --out replace an existing file.")
  var force = false

  func run() throws {
    let preset = try presetOptions.load()
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    let target = plan.add("--out", out)
    try plan.requireWritable()
    let prepared: PreparedData
    do throws(DataError) {
      prepared = try preset.data.prepare(seed: preset.run.seed)
    } catch {
      throw CommandFailure("\(preset.source.displayName): \(error.description)")
    }
    do {
      try target?.write(Array(prepared.csvText().utf8), overwrite: force)
    } catch {
      throw CommandFailure(error.description)
    }
    let summary =
      "\(TerminalText.escaped(out)): \(prepared.train.count) training and \(prepared.validation.count) validation rows"
    if target?.kind == .standardOutput { StandardError.report(summary) } else { print(summary) }
  }
}
