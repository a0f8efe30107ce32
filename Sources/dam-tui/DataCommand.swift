import ArgumentParser
import DamData
import DamTraining

/// `dam-tui data`: writes the preset's prepared data (after normalization) as CSV.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Write a preset's prepared data as CSV: columns x0..x{n-1}, y, split (train | validation).")

  @OptionGroup var presetOptions: PresetOptions

  @Option(name: .long, help: ArgumentHelp("The CSV file to write.", valueName: "file.csv"))
  var out: String

  func run() throws {
    let preset = try presetOptions.load()
    do throws(DataError) {
      let prepared = try preset.data.prepare(seed: preset.run.seed)
      try prepared.writeCSV(toFile: out)
      print(
        "\(TerminalText.escaped(out)): \(prepared.train.count) training and \(prepared.validation.count) validation rows"
      )
    } catch {
      throw CommandFailure("\(preset.source.displayName): \(error.description)")
    }
  }
}
