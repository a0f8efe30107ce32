/// Loss and accuracy of a network on a data set, in evaluation mode (no dropout, no update).
public struct Evaluation: Sendable, Equatable {
  /// Mean data loss over the samples (no regularization term).
  public var loss: Double
  /// Fraction classified correctly; nil for regression.
  public var accuracy: Double?
  /// Number of samples evaluated.
  public var count: Int
}
