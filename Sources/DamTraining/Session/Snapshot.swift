import DamEngine

/// An immutable picture of a training session, published by its queue at a bounded rate: everything the
/// screen draws. The newest snapshot replaces the previous one.
public struct Snapshot: Sendable {
  /// What the session is doing.
  public enum Status: String, Sendable {
    /// Training steps are being taken.
    case running
    /// Waiting for `resume` or `step`.
    case paused
    /// Paused by itself after a non-finite loss or gradient; `rewind` restores a finite checkpoint.
    case diverged
    /// Ended by `stop`.
    case stopped
  }

  /// Increases with every publication, so a reader can tell whether anything changed.
  public var version: Int
  /// What the session is doing.
  public var status: Status
  /// Training steps taken in this session.
  public var step: Int
  /// Completed passes over the training split.
  public var epoch: Int
  /// The learning rate of the next update.
  public var learningRate: Double
  /// Training throughput, measured over the latest publication interval (0 while paused).
  public var samplesPerSecond: Double
  /// The mini-batch loss of the latest step.
  public var batchLoss: Double?
  /// The latest evaluation on both splits.
  public var evaluation: EvaluationReport?
  /// Per-layer health from the latest measured step (see `Trainer.metricsInterval`), input side first.
  public var layers: [LayerMetrics]
  /// The current findings, root cause first (`Diagnostics.causalOrder`).
  public var findings: [Finding]
  /// Losses, accuracies, gradient norms and change markers of the whole run.
  public var history: TrainingHistory
  /// The settings asked for, including model changes that wait for re-initialization.
  public var preset: Preset
  /// The model the current weights were drawn with (its activation is `preset`'s: that one applies at
  /// once); `preset.model` differs from it in the pending keys.
  public var modelInForce: ModelSpec
  /// Settings that wait for re-initialization, as `section.key`.
  public var pendingKeys: [String]
  /// The lowest validation loss so far and its step.
  public var bestValidation: (loss: Double, step: Int)?
  /// Why the latest command was refused, if it was.
  public var message: String?
  /// The sequence number (`TrainingSession.send`) of the last command the session applied or refused; 0
  /// before the first. The snapshot shows the effect of that command and of every one sent before it.
  public var lastAcknowledged: Int
  /// The predictions over the plane with a sample of training points, for 2-D inputs; nil otherwise and
  /// until first computed. Refreshed a few times a second at most, so its `step` may lag `step`.
  public var decisionMap: DecisionMap?
  /// The validation confusion matrix, for classification; nil for regression and until first computed.
  /// Refreshed with `decisionMap`.
  public var confusion: ConfusionCounts?
  /// Every dense layer's weights and their statistics, input side first, as of `step`; empty in
  /// snapshots built without a network.
  public var weights: [WeightMatrix] = []
}
