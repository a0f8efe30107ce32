/// Where a sweep keeps its trials' run directories (`dam-tui sweep` writes one per trial unless
/// `--no-log`). A trial's calls come from one thread at a time, in order: the worker training it in a rung,
/// then the sweep's thread when it ends.
public protocol TrialLogs: Sendable {
  /// An evaluation of `trial`: `trainer.lastEvaluation` and `trainer.findings` are its results, and
  /// `trainer.network` the weights evaluated. The first call starts the trial's directory.
  func evaluated(trial: Int, trainer: Trainer)
  /// A rung's run of `trial` ended with `outcome`; `trainer` is the trial as it stands (its weights and
  /// summary are written, and rewritten if it makes the cut and trains on).
  func rungEnded(trial: Int, trainer: Trainer, outcome: RunOutcome)
  /// `trial` is done at `steps` (completed, pruned, diverged or stopped): nothing more is written for it.
  func trialEnded(trial: Int, steps: Int)
}
