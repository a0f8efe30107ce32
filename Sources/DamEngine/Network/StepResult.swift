/// What one training step measured, all on the batch it trained on.
public struct StepResult: Sendable, Equatable {
  /// Number of updates applied so far, including this one.
  public var step: Int
  /// Mean data loss over the batch (training mode, so with dropout if any), before the update.
  public var dataLoss: Double
  /// (l2 / 2) sum ||W||^2 + l1 sum |W| over weight matrices, before the update.
  public var regularizationLoss: Double
  /// Fraction of the batch classified correctly; nil for regression.
  public var accuracy: Double?
  /// Global L2 norm of the full gradient (data + L1/L2 terms, all weights and biases), before clipping.
  public var gradientNorm: Double
  /// Whether the gradient norm was scaled down to `clipNorm`.
  public var clipped: Bool
  /// The learning rate the schedule gave this update.
  public var learningRate: Double
  /// Whether the loss and every gradient were finite. When false the update was still applied
  /// (as PyTorch does), so the weights may now hold NaN or infinity: stop or restore a snapshot.
  public var isFinite: Bool
  /// Whether `Network.layerMetrics` were refreshed by this step (see `Network.metricsInterval`).
  public var measuredLayers: Bool

  /// The objective J = data loss + regularization loss.
  public var objective: Double { dataLoss + regularizationLoss }
}
