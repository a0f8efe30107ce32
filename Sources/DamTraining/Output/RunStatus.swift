/// How a headless run ended, as written in the final JSON record's `status`.
public enum RunStatus: String, Sendable, CaseIterable {
  /// It ran the requested number of steps.
  case completed
  /// The loss or a gradient became NaN or infinite; training stopped there (a result, not an error).
  case diverged
  /// It was interrupted (SIGINT) or stopped by a command before the end.
  case stopped
}

/// What the final JSON record adds to the last evaluation: how the run ended and its best validation loss.
public struct RunOutcome: Sendable, Equatable {
  /// How the run ended.
  public var status: RunStatus
  /// The lowest finite validation loss seen, if any.
  public var bestValidationLoss: Double?
  /// The step of `bestValidationLoss`.
  public var bestValidationStep: Int?
  /// The preset's lesson goal, if it has one.
  public var goal: LessonGoal?
  /// Whether `goal` held at the end (nil without a goal).
  public var goalMet: Bool?
  /// The goal's metric at the end (nil for a finding goal, or without a goal).
  public var goalValue: Double?

  /// Creates an outcome.
  public init(status: RunStatus, bestValidationLoss: Double?, bestValidationStep: Int?) {
    self.status = status
    self.bestValidationLoss = bestValidationLoss
    self.bestValidationStep = bestValidationStep
  }
}
