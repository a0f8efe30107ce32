/// Everything that determines a network's future: shape, knobs, parameters, optimizer state, step
/// counts and generator. Restoring it and training on the same batches reproduces the same losses
/// bit for bit. Flat vectors use `ParameterLayout` in PyTorch order: [P] each, and [S] (`statisticsCount`)
/// for the running statistics.
public struct NetworkState<Scalar: EngineScalar>: Sendable, Equatable {
  /// The shape (including the activation in force).
  public var architecture: NetworkArchitecture
  /// The hyperparameters in force.
  public var hyperparameters: Hyperparameters
  /// The initializer of the last (re-)initialization.
  public var initializer: Initializer
  /// Weights and biases (and batch normalization's gammas and betas) [P].
  public var parameters: [Scalar]
  /// Batch normalization's running means and variances [S] (empty without batch normalization).
  public var runningStatistics: [Scalar]
  /// Momentum buffer / Adam's m [P].
  public var firstMoment: [Scalar]
  /// Squared-gradient average v [P].
  public var secondMoment: [Scalar]
  /// `Network.step`.
  public var step: Int
  /// `Network.optimizerStep`.
  public var optimizerStep: Int
  /// The generator, mid-stream.
  public var generator: SeededGenerator
  /// `Network.metricsInterval`.
  public var metricsInterval: Int
}

extension Network {
  /// A copy of the full state (allocates: for checkpoints and rewind, not for every step).
  public func snapshot() -> NetworkState<Scalar> {
    let s = storage
    return NetworkState(
      architecture: architecture, hyperparameters: hyperparameters, initializer: initializer,
      parameters: s.layout.pytorchOrdered(s.parameters),
      runningStatistics: Array(UnsafeBufferPointer(start: s.runningStatistics, count: s.layout.statisticsCount)),
      firstMoment: s.layout.pytorchOrdered(s.firstMoment),
      secondMoment: s.layout.pytorchOrdered(s.secondMoment),
      step: step, optimizerStep: optimizerStep, generator: generator, metricsInterval: metricsInterval)
  }

  /// Rebuilds a network from a snapshot.
  /// - Throws: `ConfigurationError` if the state is invalid or its vectors do not fit its architecture.
  public init(restoring state: NetworkState<Scalar>) throws(ConfigurationError) {
    try self.init(
      architecture: state.architecture, initializer: state.initializer, hyperparameters: state.hyperparameters,
      seed: 0)
    try restore(state)
  }

  /// Returns to a snapshot; the architecture may differ from the current one.
  /// - Throws: `ConfigurationError` if the state is invalid or its vectors do not fit its architecture;
  ///   the network is then unchanged.
  public mutating func restore(_ state: NetworkState<Scalar>) throws(ConfigurationError) {
    try state.architecture.validate()
    try Self.validate(state.hyperparameters, for: state.architecture)
    let layout = ParameterLayout(state.architecture)
    for (name, vector) in [
      ("parameters", state.parameters), ("first_moment", state.firstMoment), ("second_moment", state.secondMoment),
    ] where vector.count != layout.count {
      throw ConfigurationError(key: name, value: "\(vector.count) values", allowed: "\(layout.count) values")
    }
    guard state.runningStatistics.count == layout.statisticsCount else {
      throw ConfigurationError(
        key: "running_statistics", value: "\(state.runningStatistics.count) values",
        allowed: "\(layout.statisticsCount) values")
    }
    guard state.step >= 0, state.optimizerStep >= 0 else {
      throw ConfigurationError(key: "step", value: String(state.step), allowed: "a step count >= 0")
    }
    if layout != storage.layout || state.architecture.head != architecture.head {
      storage = NetworkStorage(layout: layout, targetWidth: HeadKernels.targetWidth(state.architecture.head))
    }
    let s = uniqueStorage()
    layout.storageOrder(state.parameters, into: s.parameters)
    layout.storageOrder(state.firstMoment, into: s.firstMoment)
    layout.storageOrder(state.secondMoment, into: s.secondMoment)
    s.runningStatistics.update(from: state.runningStatistics, count: layout.statisticsCount)
    architecture = state.architecture
    hyperparameters = state.hyperparameters
    initializer = state.initializer
    step = state.step
    optimizerStep = state.optimizerStep
    generator = state.generator
    metricsInterval = state.metricsInterval
    layerMetrics = Array(repeating: LayerMetrics(), count: layout.layerCount)
  }
}
