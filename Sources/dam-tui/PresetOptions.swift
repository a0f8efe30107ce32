import ArgumentParser
import DamTraining

/// `--preset NAME|FILE` and repeated `--set section.key=value`, shared by every command that runs a preset.
struct PresetOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A preset name (from ./presets, ~/.config/dam-tui/presets or the built-in ones) or a .toml file.",
      valueName: "name|file"))
  var preset: String = "default"

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override one preset key; the value is TOML, a bare word is a string. Repeatable.",
      valueName: "section.key=value"))
  var overrides: [String] = []

  /// The chosen preset with the overrides applied.
  /// - Throws: `CommandFailure` with every problem found.
  func load(from library: PresetLibrary = PresetLibrary()) throws(CommandFailure) -> Preset {
    let overrides = try PresetOverride.parsing(overrides)
    do {
      return try library.resolve(preset, overrides: overrides)
    } catch {
      throw CommandFailure(error.description)
    }
  }
}

extension PresetOverride {
  /// Every `--set` argument parsed.
  /// - Throws: `CommandFailure` naming each malformed argument.
  static func parsing(_ arguments: [String]) throws(CommandFailure) -> [PresetOverride] {
    try ArgumentList.parse(arguments) { argument throws(PresetError) in try PresetOverride(parsing: argument) }
  }
}
