import DamTraining

/// A learning-rate range test started with `L`: the branch whose weights it copies, the current
/// learning rate there, and the curve so far (nil until the first points arrive).
public struct RangeTestRun: Sendable, Equatable {
  /// The branch the test copies and whose learning rate Enter sets.
  public var branch: Branch
  /// The branch's learning rate when the test started.
  public var currentLearningRate: Double
  /// The sweep's settings.
  public var settings: LearningRateRangeSettings
  /// The curve, end and suggestion so far.
  public var result: LearningRateRangeResult?

  /// A test of `branch` that has not reported yet.
  public init(branch: Branch, currentLearningRate: Double, settings: LearningRateRangeSettings) {
    self.branch = branch
    self.currentLearningRate = currentLearningRate
    self.settings = settings
  }

  /// The suggestion, once the sweep has finished with one (while it runs, the curve has not shown where
  /// it turns up yet).
  public var suggestion: LearningRateSuggestion? { isFinished ? result?.suggestion : nil }

  /// Whether the sweep has stopped.
  public var isFinished: Bool { result?.end != nil }
}
