import ArgumentParser
import DamTraining

/// `dam-tui check FILE...`: validates presets and reports every problem; exit 0 when all are valid, else 2.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Validate preset files (or names); exit 0 if all are valid, 2 otherwise.")

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
      do {
        let preset = try library.resolve(file, overrides: overrides)
        print("\(file): ok (\(preset.title))")
      } catch {
        failures.append(error.description)
      }
    }
    guard failures.isEmpty else { throw CommandFailure(failures.joined(separator: "\n")) }
  }
}
