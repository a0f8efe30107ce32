import DamTraining

/// Work the reducer asks the main loop to do: the only way the pure UI model reaches the outside world.
///
/// Results come back as `InputEvent`s (`presetLoaded`, `presetSaveFailed`...).
public enum Effect: Sendable, Equatable {
  /// Send a command to the training session (the main branch's, while forked).
  case send(Command)
  /// Send a command to the fork's session (queued until it runs).
  case sendFork(Command)
  /// Limit the training speed of every session: the main one, the fork's, and the ones started later.
  case setSpeed(TrainingSpeed)
  /// Copy the main session (weights, optimizer state, settings) into a second session that trains
  /// alongside; answer with `forked` once it runs.
  case fork
  /// Keep the branch with the lower validation loss (`BranchChoice.better`), stop the other, and answer
  /// with `branchKept`.
  case keepBetterBranch
  /// Resolve the preset called `name` and start a new session on it; answer with `presetLoaded` or
  /// `presetLoadFailed`.
  case loadPreset(name: String)
  /// Write `preset` (its `name` is the one typed) as a new preset file; replace an existing file only
  /// when `overwrite` is true. Answer with `presetSaved` or `presetSaveFailed`.
  case savePreset(Preset, overwrite: Bool)
  /// Run a learning-rate range test with `settings` on a copy of `branch`'s trainer in the background;
  /// report with `rangeTestProgress` until it ends.
  case startRangeTest(Branch, LearningRateRangeSettings)
  /// Run the overfit-one-batch check with `settings` on a copy of `branch`'s trainer in the background;
  /// report with `overfitCheckProgress` until it ends.
  case startOverfitCheck(Branch, OverfitOneBatchSettings)
  /// Survey the initializers (`InitializationSurvey`) on a copy of `branch`'s trainer in the background;
  /// answer with `initializationSurveyed`.
  case surveyInitialization(Branch)
  /// Compute the landscape of `kind` on a copy of `branch`'s trainer (and, for a forked line, of the other
  /// branch's) in the background; report with `landscapeProgress` and `landscapeFinished`.
  case startLandscape(Branch, LandscapeKind)
  /// Stop the background range test, overfit check or landscape, if one runs; its results are no longer wanted.
  case cancelExploration
  /// Keep the current run on the chart as a ghost: fill in `ghost`'s curve from the latest snapshot
  /// (before the command that ends the run applies) and answer with `ghostCaptured`.
  case captureGhost(GhostRun)
  /// Read the runs under the log folder for the run browser; answer with `runsListed`.
  case listRuns
  /// Load run `name`'s curves and settings as a ghost; answer with `runGhostLoaded` or `runGhostFailed`.
  case loadRunGhost(name: String)
  /// Stop the session, restore the terminal and exit.
  case quit
}
