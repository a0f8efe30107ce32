/// What a running sweep reports, for a leaderboard and the JSON lines.
public enum SweepEvent: Sendable {
  /// A rung begins: its index (0-based) and its size.
  case rungStarted(index: Int, rung: HalvingSchedule.Rung)
  /// A trial changed state (started, finished its rung, made the cut) without being final.
  case trialUpdated(TrialResult)
  /// A trial will not train again (`completed`, `pruned`, `diverged`, `failed`, `stopped`): write its
  /// JSON line. Sent in trial order within a rung, from the thread that called `SweepRunner.run`.
  case trialFinished(TrialResult)
}
