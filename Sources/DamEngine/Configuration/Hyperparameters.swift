/// Every training knob that can change between any two steps without rebuilding the network.
///
/// The objective is J = mean over the batch of the data loss + (l2 / 2) * sum ||W||^2
/// + l1 * sum |W|, over weight matrices only (never biases).
public struct Hyperparameters: Sendable, Equatable, Hashable, Codable {
  /// Base learning rate, before the schedule. Range: (0, 10], finite.
  public var learningRate: Double = 0.03
  /// L1 strength. Range: [0, 10].
  public var l1: Double = 0
  /// L2 strength (weight decay with plain SGD). Range: [0, 10].
  public var l2: Double = 0
  /// Inverted-dropout rate on every hidden layer's activations. Range: [0, 1).
  public var dropout: Double = 0
  /// Per-hidden-layer dropout rates that override `dropout` where given (index 0 is the first hidden
  /// layer); empty means `dropout` everywhere.
  public var dropoutPerLayer: [Double] = []
  /// The update rule.
  public var optimizer: OptimizerKind = .adam
  /// Momentum coefficient mu for `momentum` and `nesterov`. Range: [0, 1).
  public var momentum: Double = 0.9
  /// Adam's first-moment decay. Range: [0, 1).
  public var beta1: Double = 0.9
  /// Adam's second-moment decay. Range: [0, 1).
  public var beta2: Double = 0.999
  /// RMSprop's squared-gradient decay rho (PyTorch's `alpha`). Range: [0, 1).
  public var rho: Double = 0.9
  /// Denominator guard for Adam and RMSprop. Range: (0, 1].
  public var epsilon: Double = 1e-8
  /// Mini-batch size; larger than the training split means full batch. Range: 1...1,000,000.
  public var batchSize: Int = 32
  /// Learning-rate schedule.
  public var schedule: LearningRateSchedule = .constant
  /// Decay factor r of the schedule. Range: (0, 100].
  public var decayRate: Double = 0.5
  /// Decay period s of the schedule, in steps. Range: 1...10^9.
  public var decaySteps: Int = 1000
  /// Clip the global gradient norm to this value; nil (the default) never clips, so explosions
  /// stay visible. Range: nil or (0, 10^6].
  public var clipNorm: Double? = nil

  /// The defaults listed on each property.
  public init() {}

  /// The dropout rate applied after hidden layer `index` (0-based).
  public func dropoutRate(hiddenLayer index: Int) -> Double {
    index < dropoutPerLayer.count ? dropoutPerLayer[index] : dropout
  }

  /// The learning rate in force for the update that follows `step` earlier updates.
  public func learningRate(atStep step: Int) -> Double {
    schedule.rate(base: learningRate, step: step, decayRate: decayRate, decaySteps: decaySteps)
  }

  /// Checks every value against its documented range.
  /// - Throws: `ConfigurationError` naming the first offending key and what is allowed.
  public func validate() throws(ConfigurationError) {
    try Self.check("learning_rate", learningRate, Self.learningRateRange, openLow: true)
    try Self.check("l1", l1, Self.regularizationRange)
    try Self.check("l2", l2, Self.regularizationRange)
    try Self.check("dropout", dropout, Self.dropoutRange, openHigh: true)
    for rate in dropoutPerLayer { try Self.check("dropout", rate, Self.dropoutRange, openHigh: true) }
    try Self.check("momentum", momentum, Self.decayCoefficientRange, openHigh: true)
    try Self.check("beta1", beta1, Self.decayCoefficientRange, openHigh: true)
    try Self.check("beta2", beta2, Self.decayCoefficientRange, openHigh: true)
    try Self.check("rho", rho, Self.decayCoefficientRange, openHigh: true)
    try Self.check("epsilon", epsilon, Self.epsilonRange, openLow: true)
    guard Self.batchSizeRange.contains(batchSize) else {
      throw ConfigurationError(key: "batch_size", value: String(batchSize), allowed: "an integer in 1...1000000")
    }
    try Self.check("decay_rate", decayRate, Self.decayRateRange, openLow: true)
    guard Self.decayStepsRange.contains(decaySteps) else {
      throw ConfigurationError(key: "decay_steps", value: String(decaySteps), allowed: "an integer in 1...1000000000")
    }
    if let clipNorm { try Self.check("clip_norm", clipNorm, Self.clipNormRange, openLow: true) }
  }

  /// Allowed learning rates: (0, 10].
  public static let learningRateRange: ClosedRange<Double> = 0...10
  /// Allowed L1/L2 strengths: [0, 10].
  public static let regularizationRange: ClosedRange<Double> = 0...10
  /// Allowed dropout rates: [0, 1).
  public static let dropoutRange: ClosedRange<Double> = 0...1
  /// Allowed momentum, betas and rho: [0, 1).
  public static let decayCoefficientRange: ClosedRange<Double> = 0...1
  /// Allowed epsilon: (0, 1].
  public static let epsilonRange: ClosedRange<Double> = 0...1
  /// Allowed batch sizes.
  public static let batchSizeRange: ClosedRange<Int> = 1...1_000_000
  /// Allowed schedule decay rates: (0, 100].
  public static let decayRateRange: ClosedRange<Double> = 0...100
  /// Allowed schedule periods.
  public static let decayStepsRange: ClosedRange<Int> = 1...1_000_000_000
  /// Allowed clipping norms: (0, 10^6].
  public static let clipNormRange: ClosedRange<Double> = 0...1_000_000

  private static func check(
    _ key: String, _ value: Double, _ range: ClosedRange<Double>, openLow: Bool = false, openHigh: Bool = false
  ) throws(ConfigurationError) {
    let aboveLow = openLow ? value > range.lowerBound : value >= range.lowerBound
    let belowHigh = openHigh ? value < range.upperBound : value <= range.upperBound
    guard value.isFinite, aboveLow, belowHigh else {
      let low = openLow ? "(" : "["
      let high = openHigh ? ")" : "]"
      throw ConfigurationError(
        key: key, value: String(value),
        allowed: "a finite number in \(low)\(formatBound(range.lowerBound)), \(formatBound(range.upperBound))\(high)")
    }
  }

  private static func formatBound(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
