@testable import DamTraining

/// Presets and plans shared by the sweep tests.
enum SweepTestSupport {
  /// The built-in defaults with `overrides` applied.
  static func preset(_ overrides: [String] = []) throws -> Preset {
    try Preset(name: "default", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) })
  }

  /// A preset small enough for a debug build to train a sweep in well under a second.
  static func tinyPreset() throws -> Preset {
    try preset([
      "data.dataset=circle", "data.samples=100", "model.hidden=[4]", "training.batch_size=10", "run.eval_every=5",
    ])
  }

  /// A plan over the tiny preset: learning rate log-uniform, initializer a choice.
  static func tinyPlan(trials: Int, budget: Int, seed: UInt64 = 7) throws -> SweepPlan {
    let base = try tinyPreset()
    let space = try SearchSpace(
      parsing: ["training.learning_rate=log:1e-3..1", "model.init=he-normal,xavier-uniform"], base: base)
    return SweepPlan(
      base: base, presetReference: "tiny.toml", baseOverrides: [], space: space, trials: trials, budget: budget,
      seed: seed)
  }

  /// The error message of parsing `argument` against the defaults, or nil when it parses.
  static func problem(_ argument: String) throws -> String? {
    let base = try preset()
    do {
      _ = try SweepDimension(parsing: argument, base: base)
      return nil
    } catch {
      return error.message
    }
  }
}
