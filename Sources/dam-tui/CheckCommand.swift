import ArgumentParser
import DamTraining

/// `dam-tui check FILE...`: validates presets and reports every problem; exit 0 when all are valid, else 2.
/// A preset is valid when `dam-tui train` would start on it: the file, the data and the network.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate preset files (or names) and prepare their data; exit 0 if all are valid, 2 otherwise.")

  @Argument(help: ArgumentHelp("Preset files or names.", valueName: "file"))
  var files: [String]

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp("Override one preset key before checking. Repeatable.", valueName: "section.key=value"))
  var overrides: [String] = []

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Give at least one preset file to check.") }
  }

  func run() throws {
    let overrides = try PresetOverride.parsing(self.overrides)
    let library = PresetLibrary()
    var failures: [String] = []
    for file in files {
      let preset: Preset
      do {
        preset = try library.resolve(file, overrides: overrides)
      } catch {
        failures.append(error.description)
        continue
      }
      do {
        // Everything `train` checks before its first step: the data (a CSV file, `train_samples` within
        // the split) and the network.
        _ = try Trainer(preset: preset)
      } catch {
        failures.append("\(preset.source.displayName): \(error.message)")
        continue
      }
      print(TerminalText.escaped("\(file): ok (\(preset.title))"))
    }
    guard failures.isEmpty else { throw CommandFailure(failures.joined(separator: "\n")) }
  }
}
