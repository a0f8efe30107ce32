/// One step of a learning-rate range test.
public struct LearningRateRangePoint: Sendable, Equatable, Hashable {
  /// The step's index in the sweep, from 0.
  public var step: Int
  /// The learning rate this step trained at.
  public var learningRate: Double
  /// The mini-batch data loss of this step (training mode, before its update), as the training chart shows.
  public var loss: Double
  /// The exponential moving average of `loss` with fastai's bias correction:
  /// a_i = beta a_(i-1) + (1 - beta) loss_i (a_(-1) = 0), smoothed_i = a_i / (1 - beta^(i+1)).
  public var smoothedLoss: Double

  /// Creates a point.
  public init(step: Int, learningRate: Double, loss: Double, smoothedLoss: Double) {
    self.step = step
    self.learningRate = learningRate
    self.loss = loss
    self.smoothedLoss = smoothedLoss
  }
}
