/// Why a learning-rate range test stopped.
public enum LearningRateRangeEnd: String, Sendable, Equatable, Hashable {
  /// Every planned step ran.
  case completed
  /// The smoothed loss exceeded `divergenceFactor` times the best smoothed loss so far.
  case diverged
  /// A loss or gradient was NaN or infinite.
  case nonFinite = "non-finite"
}
