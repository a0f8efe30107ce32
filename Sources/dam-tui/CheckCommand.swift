import ArgumentParser
import DamTraining

/// `dam-tui check FILE...`: validates presets, prepares their data as `train` does, and reports every
/// problem; exit 0 when all are valid, else 2.
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
      do {
        let preset = try library.resolve(file, overrides: overrides)
        // The data is prepared as `train` would, so a bad CSV row fails here with the same message.
        _ = try Trainer(preset: preset)
        print("\(file): ok (\(preset.title))")
      } catch let error as SessionError {
        failures.append(error.message)
      } catch {
        failures.append("\(error)")
      }
    }
    guard failures.isEmpty else { throw CommandFailure(failures.joined(separator: "\n")) }
  }
}
