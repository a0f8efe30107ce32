import ArgumentParser
import DamTraining

/// `--seed S`, shared by the commands that train: it overrides the preset's `run.seed`, validated like
/// `--set run.seed=S`.
struct SeedOption: ParsableArguments {
  @Option(help: ArgumentHelp("The seed of the run (overrides run.seed).", valueName: "s"))
  var seed: UInt64?

  /// `preset` with the seed applied, or unchanged when no seed was given.
  /// - Throws: `CommandFailure` when the seed is outside the range presets allow.
  func apply(to preset: Preset) throws(CommandFailure) -> Preset {
    guard let seed else { return preset }
    do {
      return try preset.applying([try PresetOverride(parsing: "run.seed=\(seed)")])
    } catch {
      throw CommandFailure(error.description)
    }
  }
}
