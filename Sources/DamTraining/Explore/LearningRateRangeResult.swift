/// The curve of a learning-rate range test so far, how it ended, and the suggested learning rate.
public struct LearningRateRangeResult: Sendable, Equatable {
  /// Every step so far, in order; the learning rate grows along it.
  public var points: [LearningRateRangePoint]
  /// Why the sweep stopped; nil while it is still running.
  public var end: LearningRateRangeEnd?
  /// The suggested learning rate (`LearningRateSuggestion.suggest`); nil while no point before the edge exists.
  public var suggestion: LearningRateSuggestion?

  /// Creates a result.
  public init(points: [LearningRateRangePoint], end: LearningRateRangeEnd?, suggestion: LearningRateSuggestion?) {
    self.points = points
    self.end = end
    self.suggestion = suggestion
  }
}
