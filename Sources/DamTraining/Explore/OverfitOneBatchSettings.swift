import DamEngine

/// How an overfit-one-batch check runs.
public struct OverfitOneBatchSettings: Sendable, Equatable, Hashable {
  /// The most training steps on the batch. Default 500. Range: 1...100,000.
  public var steps: Int
  /// Samples in the batch; nil takes the trainer's `batch_size`. Either way at most the training split.
  /// Range: nil or 1...1,000,000.
  public var batchSize: Int?
  /// The batch counts as memorised once its loss is at most this fraction of the batch's baseline loss
  /// (the best constant prediction's; the loss it started at when that is 0).
  /// Default 0.05. Range: (0, 1).
  public var targetFraction: Double

  /// Settings with the defaults listed on each property, or the values given.
  public init(steps: Int = 500, batchSize: Int? = nil, targetFraction: Double = 0.05) {
    self.steps = steps
    self.batchSize = batchSize
    self.targetFraction = targetFraction
  }

  /// The allowed number of steps.
  public static let stepsRange: ClosedRange<Int> = 1...100_000

  /// Checks every value against its documented range.
  /// - Throws: `ConfigurationError` naming the first offending setting and what is allowed.
  public func validate() throws(ConfigurationError) {
    guard Self.stepsRange.contains(steps) else {
      throw ConfigurationError(key: "steps", value: String(steps), allowed: "an integer in 1...100000")
    }
    if let batchSize, !Hyperparameters.batchSizeRange.contains(batchSize) {
      throw ConfigurationError(key: "batch_size", value: String(batchSize), allowed: "an integer in 1...1000000")
    }
    guard targetFraction.isFinite, targetFraction > 0, targetFraction < 1 else {
      throw ConfigurationError(
        key: "target_fraction", value: String(targetFraction), allowed: "a finite number in (0, 1)")
    }
  }
}
