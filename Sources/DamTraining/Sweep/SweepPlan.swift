/// Everything a sweep needs: the base preset, the search space, the number of trials, the budget and the
/// seed, plus how the user named the preset, so each trial can be printed as the `dam-tui train` command
/// that reproduces it.
public struct SweepPlan: Sendable {
  /// The preset with the command's `--set` overrides applied (before the seed).
  public var base: Preset
  /// The `--preset` argument as given.
  public var presetReference: String
  /// The `--set` arguments as given.
  public var baseOverrides: [String]
  /// The axes to sample.
  public var space: SearchSpace
  /// Trials sampled.
  public var trials: Int
  /// Steps of the last rung.
  public var budget: Int
  /// Seeds every trial's run (`run.seed`: the data split, initialization, batches) and, unless
  /// `samplingSeed` is set, the sampling of the trials.
  public var seed: UInt64
  /// Seeds only the sampling of the trials (`--sample-seed`): other trials on the same split. Nil: `seed`.
  public var samplingSeed: UInt64?

  /// A plan; `trials` and `budget` must be at least 1.
  public init(
    base: Preset, presetReference: String, baseOverrides: [String], space: SearchSpace, trials: Int, budget: Int,
    seed: UInt64, samplingSeed: UInt64? = nil
  ) {
    self.base = base
    self.presetReference = presetReference
    self.baseOverrides = baseOverrides
    self.space = space
    self.trials = trials
    self.budget = budget
    self.seed = seed
    self.samplingSeed = samplingSeed
  }

  /// The rungs of successive halving for this plan.
  public var schedule: HalvingSchedule { HalvingSchedule(trials: trials, budget: budget) }

  /// The sampled settings of every trial.
  public var trialSettings: [[SweepSetting]] { space.sample(trials: trials, seed: samplingSeed ?? seed) }

  /// The preset a trial trains: the base with the trial's settings and the sweep's seed, exactly as
  /// `dam-tui train --preset P --set ... --set k=v... --seed S` builds it, on one thread (trials run side
  /// by side, one per core; the thread count never changes the results).
  /// - Throws: `PresetError` when the combination is invalid.
  public func preset(for settings: [SweepSetting]) throws(PresetError) -> Preset {
    var preset = try base.applying(settings.map(\.override) + [try PresetOverride(parsing: "run.seed=\(seed)")])
    preset.run.threads = .count(1)
    return preset
  }

  /// The command that trains a trial's `steps` steps on its own, as words (unquoted).
  public func commandWords(for settings: [SweepSetting], steps: Int) -> [String] {
    var words = ["dam-tui", "train", "--preset", presetReference]
    for argument in baseOverrides + settings.map(\.argument) { words += ["--set", argument] }
    return words + ["--steps", String(steps), "--seed", String(seed)]
  }

  /// The same command as one line for a POSIX shell.
  public func command(for settings: [SweepSetting], steps: Int) -> String {
    commandWords(for: settings, steps: steps).map(ShellQuoting.quote).joined(separator: " ")
  }

  /// The best trial's settings as a preset that trains the same run with `dam-tui train --preset FILE`:
  /// the trial's preset with `run.steps` set to the budget and a title and description that say where it
  /// came from.
  /// - Throws: `PresetError` when the settings are invalid.
  public func bestPreset(for result: TrialResult, name: String) throws(PresetError) -> Preset {
    var preset = try preset(for: result.settings).applying([try PresetOverride(parsing: "run.steps=\(budget)")])
    preset.name = name
    preset.title = "Best of a sweep of \(presetReference): trial \(result.trial)"
    let sampling = samplingSeed.map { ", sample seed \($0)" } ?? ""
    var lines = ["Found by dam-tui sweep (seed \(seed)\(sampling), \(trials) trials, budget \(budget) steps)."]
    if let loss = result.validationLoss { lines.append("Validation loss \(loss) after \(result.steps) steps.") }
    lines.append(contentsOf: result.settings.map(\.argument))
    preset.description = lines.joined(separator: "\n")
    return preset
  }
}
