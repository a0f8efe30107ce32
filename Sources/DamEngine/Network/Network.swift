import DamKernelTable

/// A fully connected network and everything needed to train it: parameters, gradients, optimizer
/// moments, preallocated batch workspaces and the one seeded generator.
///
/// Shapes (batch-first, row-major): inputs X [B x inputs]; dense layer l maps [B x in_l] to
/// [B x out_l] by Z = X W_l^T + b_l with W_l [out_l x in_l] and b_l [out_l]; hidden layers apply the
/// activation and inverted dropout, after batch normalization of Z when `architecture.batchNorm`
/// (`BatchNormKernel`); the last layer's logits feed the head (`OutputHead`).
/// Targets T are [B x 1] for classification (0/1, or a class index stored as a scalar) and
/// [B x outputs] for regression.
///
/// The objective is J = mean data loss + (l2 / 2) sum ||W||^2 + l1 sum |W| over weight matrices only;
/// the gradient adds l2 W + l1 sign(W) (sign(0) = 0) to the weights' data gradient, biases (and
/// batch normalization's gamma and beta) get the data gradient alone. `Float` trains; `Double` serves
/// gradient checks. A value type: copies share memory
/// until one of them is mutated. After the first step of the largest batch size (the warm-up),
/// training, evaluation and prediction allocate no heap memory (as long as nobody else holds a copy of
/// `layerMetrics` or of the network).
public struct Network<Scalar: EngineScalar>: Sendable {
  /// The shape; only the activation can change without rebuilding (`setActivation`).
  public internal(set) var architecture: NetworkArchitecture
  /// The training knobs in force; change them with `setHyperparameters` between any two steps.
  public internal(set) var hyperparameters: Hyperparameters
  /// The initializer of the last (re-)initialization.
  public internal(set) var initializer: Initializer
  /// The one generator for initialization, shuffling (`shuffle`) and dropout masks.
  public var generator: SeededGenerator
  /// Updates applied since the last (re-)initialization; the schedule's t.
  public internal(set) var step = 0
  /// Updates applied since the optimizer state was last reset; Adam's bias-correction t.
  public internal(set) var optimizerStep = 0
  /// Per-layer health from the last measured step, input side first (`layerMetrics[l]` is dense layer l).
  public internal(set) var layerMetrics: [LayerMetrics]
  /// Measure `layerMetrics` on steps whose count before the update is a multiple of this; 0 never
  /// measures. Default 1 (every step).
  public var metricsInterval = 1
  /// Whether every `trainStep` leaves its weight gradients in `gradients`. Default true. When false, a
  /// Float step with plain SGD, no clipping and no metrics applies each update inside the weight-gradient
  /// product without writing those gradients anywhere (the weight part of `gradients` then keeps older
  /// values), which saves their memory traffic; the parameters are the same either way. Trainers that
  /// never read `gradients` set it to false. A setting of the caller, not part of `NetworkState`.
  public var keepsGradients = true
  /// Threads that run a step's large products (at least 1; default 1, the calling thread only): the
  /// process-wide `WorkerPool` of that many threads, created on first use and kept. Any count gives the
  /// same bits (see `BlockedGemm.ColumnSplit`); small networks run on the calling thread whatever it is.
  /// A setting of the caller, not part of `NetworkState`.
  public var threads = 1 {
    didSet {
      precondition(threads >= 1, "a network runs on at least one thread")
      workers = WorkerPool.shared(threads: threads, scratchFloats: Scalar.kernelScratchFloats)
    }
  }
  /// The pool of `threads`, or nil for one thread.
  private(set) var workers: WorkerPool?
  var storage: NetworkStorage<Scalar>

  /// Builds a network and initializes it (weights from `initializer`, biases 0; batch normalization:
  /// gamma 1, beta 0, running means 0, running variances 1) with a generator seeded by `seed`.
  /// - Throws: `ConfigurationError` for an invalid architecture, initializer or hyperparameters.
  public init(
    architecture: NetworkArchitecture, initializer: Initializer = Initializer(kind: .xavierUniform),
    hyperparameters: Hyperparameters = Hyperparameters(), seed: UInt64
  ) throws(ConfigurationError) {
    try architecture.validate()
    try Self.validate(hyperparameters, for: architecture)
    try Self.validate(initializer)
    self.architecture = architecture
    self.hyperparameters = hyperparameters
    self.initializer = initializer
    self.generator = SeededGenerator(seed: seed)
    let layout = ParameterLayout(architecture)
    self.layerMetrics = Array(repeating: LayerMetrics(), count: layout.layerCount)
    self.storage = NetworkStorage(layout: layout, targetWidth: HeadKernels.targetWidth(architecture.head))
    initializeParameters()
  }

  /// Where each layer's weights and biases sit in the flat parameter vector.
  public var layout: ParameterLayout { storage.layout }

  /// Number of trainable parameters (weights, biases and batch normalization's gammas and betas).
  public var parameterCount: Int { storage.parameterCount }

  /// Scalars of targets per sample: 1 for classification heads, the output width for regression.
  public var targetWidth: Int { storage.targetWidth }

  /// Replaces the hyperparameters (validated first). Switching `optimizer` to another kind resets the
  /// optimizer state (moments and `optimizerStep`) and nothing else; every other change keeps it.
  /// - Throws: `ConfigurationError` naming the first invalid value; the network is then unchanged.
  public mutating func setHyperparameters(_ new: Hyperparameters) throws(ConfigurationError) {
    try Self.validate(new, for: architecture)
    if new.optimizer != hyperparameters.optimizer { resetOptimizerState() }
    hyperparameters = new
  }

  /// Changes the hidden activation in place; weights and optimizer state are kept.
  public mutating func setActivation(_ activation: Activation) {
    architecture.activation = activation
  }

  /// Draws fresh weights from `initializer` (biases 0; batch normalization: gamma 1, beta 0, running
  /// means 0, running variances 1), resets the optimizer state and the step count.
  /// - Throws: `ConfigurationError` for a non-finite or negative gain or a non-finite value.
  public mutating func reinitialize(with initializer: Initializer) throws(ConfigurationError) {
    try Self.validate(initializer)
    self.initializer = initializer
    initializeParameters()
  }

  /// Shuffles `indices` with the network's generator, so one seed drives everything.
  public mutating func shuffle(_ indices: inout [Int]) {
    generator.shuffle(&indices)
  }

  /// Zeroes both optimizer moments and `optimizerStep`.
  public mutating func resetOptimizerState() {
    let s = uniqueStorage()
    s.firstMoment.update(repeating: 0, count: 2 * s.parameterCount)
    optimizerStep = 0
  }

  /// The storage, copied first if another value shares it.
  mutating func uniqueStorage() -> NetworkStorage<Scalar> {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  private mutating func initializeParameters() {
    let s = uniqueStorage()
    s.block.update(repeating: 0, count: 4 * s.parameterCount)
    // Drawn in PyTorch order [out x in] (the same draws for every storage order), then stored.
    var drawn = [Scalar](repeating: 0, count: s.parameterCount)
    drawn.withUnsafeMutableBufferPointer { drawn in
      for layer in 0..<s.layout.layerCount {
        InitializationKernel.fill(
          drawn.baseAddress! + s.layout.weightOffset[layer], fanIn: s.layout.fanIn[layer],
          fanOut: s.layout.fanOut[layer], initializer: initializer, generator: &generator)
      }
      s.layout.storageOrder(drawn.baseAddress!, into: s.parameters)
    }
    resetNormalization(storage: s)
    step = 0
    optimizerStep = 0
    layerMetrics = Array(repeating: LayerMetrics(), count: s.layout.layerCount)
  }

  static func validate(_ hyperparameters: Hyperparameters, for architecture: NetworkArchitecture)
    throws(ConfigurationError)
  {
    try hyperparameters.validate()
    guard hyperparameters.dropoutPerLayer.count <= architecture.hidden.count else {
      throw ConfigurationError(
        key: "dropout", value: "\(hyperparameters.dropoutPerLayer)",
        allowed: "at most one rate per hidden layer (\(architecture.hidden.count))")
    }
    guard !architecture.batchNorm || architecture.hidden.isEmpty || hyperparameters.batchSize >= 2 else {
      throw ConfigurationError(
        key: "batch_size", value: String(hyperparameters.batchSize),
        allowed: "at least 2 with batch normalization (it normalizes over the batch)")
    }
  }

  static func validate(_ initializer: Initializer) throws(ConfigurationError) {
    guard initializer.gain.isFinite, initializer.gain >= 0 else {
      throw ConfigurationError(key: "gain", value: String(initializer.gain), allowed: "a finite number >= 0")
    }
    guard initializer.value.isFinite else {
      throw ConfigurationError(key: "init_value", value: String(initializer.value), allowed: "a finite number")
    }
  }
}
