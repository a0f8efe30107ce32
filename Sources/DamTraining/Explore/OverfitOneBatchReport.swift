/// What an overfit-one-batch check measured, and its verdict in plain words.
public struct OverfitOneBatchReport: Sendable, Equatable {
  /// The outcome; nil while the check is still running.
  public var verdict: OverfitOneBatchVerdict?
  /// Samples in the batch.
  public var batchSize: Int
  /// Training steps taken on the batch.
  public var steps: Int
  /// The batch loss before the first step (the first step's loss).
  public var initialLoss: Double
  /// The lowest batch loss seen.
  public var lowestLoss: Double
  /// The batch loss of the latest step (before its update), or of the final weights once finished.
  public var finalLoss: Double
  /// The loss that counts as memorised: `targetFraction` times the batch's baseline loss.
  public var targetLoss: Double
  /// The fraction of the batch classified correctly by the final weights; nil for regression or while
  /// running.
  public var finalAccuracy: Double?
  /// The batch loss of every step, in order (each before its update).
  public var losses: [Double]

  /// Creates a report.
  public init(
    verdict: OverfitOneBatchVerdict?, batchSize: Int, steps: Int, initialLoss: Double, lowestLoss: Double,
    finalLoss: Double, targetLoss: Double, finalAccuracy: Double?, losses: [Double]
  ) {
    self.verdict = verdict
    self.batchSize = batchSize
    self.steps = steps
    self.initialLoss = initialLoss
    self.lowestLoss = lowestLoss
    self.finalLoss = finalLoss
    self.targetLoss = targetLoss
    self.finalAccuracy = finalAccuracy
    self.losses = losses
  }

  /// The verdict and its numbers in one sentence, e.g. "The network can memorise one batch: the loss on
  /// 32 samples fell from 0.785 to 0.0357 (5% of its start) in 136 steps."
  public var summary: String {
    let from = FindingText.number(initialLoss)
    let lowest = FindingText.number(lowestLoss)
    let share = initialLoss > 0 ? " (\(FindingText.percent(lowestLoss / initialLoss)) of its start)" : ""
    let count = "\(FindingText.step(steps)) step\(steps == 1 ? "" : "s")"
    switch verdict {
    case nil:
      return
        "Overfitting one batch of \(batchSize) samples: step \(FindingText.step(steps)), loss \(lowest) (from \(from))."
    case .memorised:
      return
        "The network can memorise one batch: the loss on \(batchSize) samples fell from \(from) to \(lowest)\(share) in \(count)."
    case .diverged:
      return
        "It cannot: the loss on one batch of \(batchSize) samples became NaN or infinite after \(count). The learning rate is too high, or there is a bug."
    case .stalled:
      return
        "It cannot: after \(count) on one batch of \(batchSize) samples the loss only fell from \(from) to \(lowest)\(share), not to \(FindingText.number(targetLoss)). A bug, too little capacity, or a learning rate too low or too high."
    }
  }
}
