import DamEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a learning-rate range test sweeps (Leslie Smith, "Cyclical Learning Rates for Training Neural
/// Networks", 2017; fastai's `lr_find`).
///
/// Step i of n (0-based) trains at lr_i = start * (end / start)^(i / (n - 1)): the rate grows by the same
/// factor every step, from `startLearningRate` at the first step to `endLearningRate` at the last.
public struct LearningRateRangeSettings: Sendable, Equatable, Hashable {
  /// The learning rate of the first step. Default 1e-7 (fastai's). Range: (0, end).
  public var startLearningRate: Double
  /// The learning rate of the last step. Default 10, the largest the engine accepts. Range: (start, 10].
  public var endLearningRate: Double
  /// Training steps of the sweep when it does not diverge first. Default 200. Range: 5...100,000.
  public var steps: Int
  /// Weight beta of the exponential moving average of the loss; fastai uses 0.98. Range: [0, 1).
  public var smoothing: Double
  /// The sweep stops once the smoothed loss exceeds this multiple of the best smoothed loss so far;
  /// fastai uses 4. Range: (1, 1000].
  public var divergenceFactor: Double

  /// Settings with fastai's defaults and 200 steps, or the values given.
  public init(
    startLearningRate: Double = 1e-7, endLearningRate: Double = 10, steps: Int = 200, smoothing: Double = 0.98,
    divergenceFactor: Double = 4
  ) {
    self.startLearningRate = startLearningRate
    self.endLearningRate = endLearningRate
    self.steps = steps
    self.smoothing = smoothing
    self.divergenceFactor = divergenceFactor
  }

  /// The allowed number of steps.
  public static let stepsRange: ClosedRange<Int> = 5...100_000

  /// The learning rate of step `index` (0-based): start * (end / start)^(index / (steps - 1)).
  public func learningRate(atStep index: Int) -> Double {
    let fraction = Double(index) / Double(max(steps - 1, 1))
    return startLearningRate * pow(endLearningRate / startLearningRate, fraction)
  }

  /// Checks every value against its documented range.
  /// - Throws: `ConfigurationError` naming the first offending setting and what is allowed.
  public func validate() throws(ConfigurationError) {
    let maximum = Hyperparameters.learningRateRange.upperBound
    guard endLearningRate.isFinite, endLearningRate > 0, endLearningRate <= maximum else {
      throw ConfigurationError(key: "end", value: String(endLearningRate), allowed: "a finite number in (0, 10]")
    }
    guard startLearningRate.isFinite, startLearningRate > 0, startLearningRate < endLearningRate else {
      throw ConfigurationError(
        key: "start", value: String(startLearningRate), allowed: "a finite number in (0, \(endLearningRate))")
    }
    guard Self.stepsRange.contains(steps) else {
      throw ConfigurationError(key: "steps", value: String(steps), allowed: "an integer in 5...100000")
    }
    guard smoothing.isFinite, smoothing >= 0, smoothing < 1 else {
      throw ConfigurationError(key: "smoothing", value: String(smoothing), allowed: "a finite number in [0, 1)")
    }
    guard divergenceFactor.isFinite, divergenceFactor > 1, divergenceFactor <= 1000 else {
      throw ConfigurationError(
        key: "divergence_factor", value: String(divergenceFactor), allowed: "a finite number in (1, 1000]")
    }
  }
}
