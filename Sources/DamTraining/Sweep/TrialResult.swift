/// What one trial of a sweep reached: its settings, how far it trained and its validation numbers.
public struct TrialResult: Sendable, Equatable {
  /// 0-based trial number, in sampling order.
  public let trial: Int
  /// The sampled settings, in `--vary` order.
  public let settings: [SweepSetting]
  /// Steps trained in the trial's last finished run.
  public var steps: Int
  /// Validation loss of the final weights (nil before the first run, or non-finite after a divergence).
  public var validationLoss: Double?
  /// Validation accuracy (nil for regression, or before the first run).
  public var validationAccuracy: Double?
  /// Where the trial stands.
  public var status: TrialStatus
  /// Why the trial failed, for `failed`.
  public var error: String?

  /// A trial that has not trained yet.
  public init(trial: Int, settings: [SweepSetting]) {
    self.trial = trial
    self.settings = settings
    steps = 0
    status = .queued
  }

  /// The validation loss when it is a finite number (what the ranking compares).
  public var rankedLoss: Double? {
    guard let validationLoss, validationLoss.isFinite else { return nil }
    return validationLoss
  }

  /// Leaderboard order: more steps first, then lower validation loss (unknown or non-finite last), then
  /// lower trial number.
  public static func ranksBefore(_ a: TrialResult, _ b: TrialResult) -> Bool {
    if a.steps != b.steps { return a.steps > b.steps }
    switch (a.rankedLoss, b.rankedLoss) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return a.trial < b.trial
    }
  }
}
