import ArgumentParser
import DamTraining

/// `dam-tui presets`: every preset that can be named, with its title and where it comes from.
struct PresetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "presets",
    abstract: "List the presets: ./presets, then ~/.config/dam-tui/presets, then the built-in ones.")

  func run() throws {
    let library = PresetLibrary()
    let entries = library.entries()
    let width = entries.map { TerminalText.escaped($0.name).count }.max() ?? 0
    for entry in entries {
      let title: String
      do {
        title = try library.resolve(entry.name).title
      } catch {
        title = "(invalid: run `dam-tui check \(entry.name)`)"
      }
      let name = TerminalText.escaped(entry.name).padding(toLength: width)
      print(TerminalText.escaped("\(name)  \(title)  [\(entry.source.displayName)]"))
    }
  }
}

extension String {
  /// The string padded with spaces to `length` characters.
  fileprivate func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
