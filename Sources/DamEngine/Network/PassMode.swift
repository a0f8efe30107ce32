/// How a forward and backward pass treats the layers that behave differently in training.
struct PassMode: Sendable, Equatable {
  /// Inverted dropout draws masks from the generator (training, Monte Carlo prediction).
  var dropout: Bool
  /// Batch normalization normalizes with the batch's mean and variance (training) instead of the running
  /// statistics (evaluation).
  var batchStatistics: Bool

  /// A training step: dropout on, batch statistics.
  static let training = PassMode(dropout: true, batchStatistics: true)
  /// Evaluation and prediction: no dropout, running statistics.
  static let evaluation = PassMode(dropout: false, batchStatistics: false)
}
