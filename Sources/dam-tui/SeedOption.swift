import ArgumentParser
import DamTraining

/// `--seed S`, shared by the commands that train: it overrides the preset's `run.seed`, within the range
/// presets allow (0...2^63 - 1).
struct SeedOption: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("The seed of the run, 0...9223372036854775807 (overrides run.seed).", valueName: "s"))
  var seed: String?

  /// `preset` with the seed applied, or unchanged when no seed was given.
  /// - Throws: `CommandFailure` naming `--seed` when the seed is not an integer in 0...2^63 - 1.
  func apply(to preset: Preset) throws(CommandFailure) -> Preset {
    guard let seed else { return preset }
    var seeded = preset
    seeded.run.seed = UInt64(try NumericOption.integer(seed, option: "--seed", in: 0...Int.max))
    return seeded
  }
}
