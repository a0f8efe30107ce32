import DamEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A learning-rate range test (Leslie Smith; fastai's `lr_find`) on a copy of a trainer: train with a
/// learning rate that grows exponentially each step, record the loss against the rate, stop when the
/// loss blows up, and suggest a rate from the curve (`LearningRateSuggestion`: the steepest descent before
/// the loss turns up, or a tenth of where it turns up when the curve shows no clear descent).
///
/// The copy trains exactly as the session would (same batches, augmentation, dropout, L1/L2, clipping and
/// optimizer, with its moments as they were), except that the learning rate is
/// `settings.learningRate(atStep:)` with a constant schedule and no layer metrics are measured. The
/// trainer given is never touched: `Trainer` and `Network` are values, so the copy shares memory only
/// until its first step.
///
/// Run it in one call (`run`) or a step at a time (`advance`), for example on a background queue while a
/// screen draws `result` (the test is `Sendable`).
public struct LearningRateRangeTest: Sendable {
  /// How the sweep runs.
  public let settings: LearningRateRangeSettings
  /// The curve so far.
  public private(set) var points: [LearningRateRangePoint] = []
  /// Why the sweep stopped; nil while it runs.
  public private(set) var end: LearningRateRangeEnd?
  private var trainer: Trainer
  private var average = 0.0
  private var bestSmoothedLoss = Double.infinity

  /// A test on a copy of `trainer`.
  /// - Throws: `ConfigurationError` when `settings` are outside their documented ranges.
  public init(trainer: Trainer, settings: LearningRateRangeSettings = LearningRateRangeSettings())
    throws(ConfigurationError)
  {
    try settings.validate()
    self.settings = settings
    self.trainer = trainer
    self.trainer.network.metricsInterval = 0
    var hyperparameters = trainer.network.hyperparameters
    hyperparameters.schedule = .constant
    try self.trainer.network.setHyperparameters(hyperparameters)
  }

  /// Whether the sweep has stopped.
  public var isFinished: Bool { end != nil }

  /// The fraction of the planned steps done, in [0, 1]; 1 once finished, even after an early stop.
  public var progress: Double { isFinished ? 1 : Double(points.count) / Double(settings.steps) }

  /// The curve, the end and the suggestion so far.
  public var result: LearningRateRangeResult {
    LearningRateRangeResult(
      points: points, end: end,
      suggestion: LearningRateSuggestion.suggest(from: points, settings: settings))
  }

  /// Trains one step of the sweep and returns its point; nil once the sweep has stopped.
  @discardableResult
  public mutating func advance() -> LearningRateRangePoint? {
    guard end == nil else { return nil }
    let index = points.count
    let learningRate = settings.learningRate(atStep: index)
    var hyperparameters = trainer.network.hyperparameters
    hyperparameters.learningRate = learningRate
    try! trainer.network.setHyperparameters(hyperparameters)
    let step = trainer.trainStep()
    let beta = settings.smoothing
    average = beta * average + (1 - beta) * step.dataLoss
    let smoothed = average / (1 - pow(beta, Double(index + 1)))
    let point = LearningRateRangePoint(
      step: index, learningRate: learningRate, loss: step.dataLoss, smoothedLoss: smoothed)
    points.append(point)
    // Divergence is judged after the moving average's warm-up: before it, the smoothed loss is a few noisy
    // batches, and on a well-trained network one batch can be several times another.
    let considered = index >= LearningRateSuggestion.firstConsidered(settings: settings)
    if considered { bestSmoothedLoss = min(bestSmoothedLoss, smoothed) }
    if !step.isFinite || !smoothed.isFinite {
      end = .nonFinite
    } else if considered && smoothed > settings.divergenceFactor * bestSmoothedLoss {
      end = .diverged
    } else if points.count >= settings.steps {
      end = .completed
    }
    return point
  }

  /// Runs the sweep to its end.
  /// - Parameter onPoint: called with every point as it is recorded.
  /// - Returns: the finished result.
  public mutating func run(onPoint: (LearningRateRangePoint) -> Void = { _ in }) -> LearningRateRangeResult {
    while let point = advance() { onPoint(point) }
    return result
  }
}
