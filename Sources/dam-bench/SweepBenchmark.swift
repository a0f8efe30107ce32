import DamTraining
import Foundation

/// `sweep`: the wall time of `dam-tui sweep` on the default preset, 16 trials (issue 6's three axes,
/// successive halving: 16 trials to a third of the budget, the best 5 to the budget), with two threads
/// against one. Issue 6 asks for at most 60% (perfect scaling is 50%; the last rung's 5 trials on 2 threads
/// cap it near 54%). Each figure is the fastest of `rounds` rounds.
struct SweepBenchmark {
  /// Trials of the measured sweep.
  static let trials = 16
  /// The axes of the measured sweep.
  static let axes = [
    "training.learning_rate=log:1e-4..1", "training.l2=log:1e-6..1e-1", "model.init=he-normal,xavier-uniform",
  ]

  /// Steps of the last rung.
  var budget = 3000
  /// Timed rounds per thread count (the fastest counts).
  var rounds: Int

  /// Times the sweep with one and two threads and prints both and their ratio.
  func run() throws {
    let base = try PresetLibrary().resolve("default")
    let plan = SweepPlan(
      base: base, presetReference: "default", baseOverrides: [], space: try SearchSpace(parsing: Self.axes, base: base),
      trials: Self.trials, budget: budget, seed: base.run.seed)
    let serial = Timer.fastest(rounds: rounds) { _ = SweepRunner(plan: plan, jobs: 1).run() }
    let parallel = Timer.fastest(rounds: rounds) { _ = SweepRunner(plan: plan, jobs: 2).run() }
    print(
      String(
        format:
          "sweep (default preset, %d trials, budget %d): jobs 1 %.3f s, jobs 2 %.3f s, ratio %.1f%% (target <= 60%%)",
        Self.trials, budget, serial, parallel, parallel / serial * 100))
    fflush(nil)
  }
}
