import DamEngine

/// The state of a run after `step` updates, measured over the whole training and validation splits in
/// evaluation mode (no dropout): one line of the headless JSON output and the numbers on the status bar.
public struct EvaluationReport: Sendable, Equatable {
  /// Optimizer updates applied so far.
  public var step: Int
  /// Completed passes over the training split.
  public var epoch: Int
  /// The learning rate in force for the next update (after the schedule).
  public var learningRate: Double
  /// Mean data loss over the training split.
  public var trainingLoss: Double
  /// Mean data loss over the validation split.
  public var validationLoss: Double
  /// The regularization term (l2 / 2) * sum ||W||^2 + l1 * sum |W|.
  public var regularizationLoss: Double
  /// Training-split accuracy in [0, 1]; nil for regression.
  public var trainingAccuracy: Double?
  /// Validation-split accuracy in [0, 1]; nil for regression.
  public var validationAccuracy: Double?
  /// Training throughput since the previous evaluation.
  public var samplesPerSecond: Double
  /// Per-layer health from the latest measured training step, input side first.
  public var layers: [LayerMetrics]
  /// The share of first-layer weights within `zeroWeightTolerance` of zero, in [0, 1]: how sparse L1 made
  /// the input layer. Nil when not measured.
  public var firstLayerZeroShare: Double?

  /// The largest magnitude `firstLayerZeroShare` counts as zero: weights L1 has driven to zero oscillate
  /// around it by about l1 times the learning rate, so an exact 0 is rare.
  public static let zeroWeightTolerance = 1e-3

  /// Creates a report.
  public init(
    step: Int, epoch: Int, learningRate: Double, trainingLoss: Double, validationLoss: Double,
    regularizationLoss: Double, trainingAccuracy: Double?, validationAccuracy: Double?, samplesPerSecond: Double,
    layers: [LayerMetrics]
  ) {
    self.step = step
    self.epoch = epoch
    self.learningRate = learningRate
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.regularizationLoss = regularizationLoss
    self.trainingAccuracy = trainingAccuracy
    self.validationAccuracy = validationAccuracy
    self.samplesPerSecond = samplesPerSecond
    self.layers = layers
  }
}
