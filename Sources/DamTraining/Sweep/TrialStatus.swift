/// Where a trial of a sweep stands. The JSON lines carry only the final ones: `completed`, `pruned`,
/// `diverged`, `failed` and `stopped`.
public enum TrialStatus: String, Sendable, CaseIterable {
  /// Trained the full budget in the last rung.
  case completed
  /// Dropped by successive halving after the rung it trained in.
  case pruned
  /// The loss or a gradient became NaN or infinite.
  case diverged
  /// Its settings could not make a session (the message says why).
  case failed
  /// The sweep was interrupted; the numbers are those of the trial's last finished run.
  case stopped
  /// Training in the current rung.
  case running
  /// Finished its rung, waiting for the others before the cut.
  case waiting
  /// Waits for a thread: not started yet, or made the cut for the next rung.
  case queued

  /// Whether the trial will not train again.
  public var isFinal: Bool {
    switch self {
    case .completed, .pruned, .diverged, .failed, .stopped: return true
    case .running, .waiting, .queued: return false
    }
  }
}
