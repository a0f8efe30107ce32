import DamEngine

/// Training steps of one network on in-memory random data, cycled over a fixed number of batches:
/// forward, backward and update, as the peers in `bench/peers.py` do.
struct TrainingBenchmark: Benchmark {
  let name: String
  let architecture: NetworkArchitecture
  let batchSize: Int
  private var network: Network<Float>
  private let inputs: [Float]
  private let targets: [Float]
  private let batchCount: Int
  private var nextBatch = 0

  /// A network of `architecture` trained by SGD (learning rate 0.01, L2 1e-4, inverted dropout 0.1 on
  /// hidden layers) on `batchCount` random batches of `batchSize`: inputs uniform in [-1, 1), targets
  /// random labels. `metricsInterval` is the network's (0: no per-layer metrics, as the peers); `threads` run
  /// its large products.
  init(
    name: String, architecture: NetworkArchitecture, batchSize: Int, batchCount: Int = 100, metricsInterval: Int,
    threads: Int = 1
  ) throws {
    self.name = name
    self.architecture = architecture
    self.batchSize = batchSize
    self.batchCount = batchCount
    var hyperparameters = Hyperparameters()
    hyperparameters.optimizer = .sgd
    hyperparameters.learningRate = 0.01
    hyperparameters.l2 = 1e-4
    hyperparameters.dropout = 0.1
    hyperparameters.batchSize = batchSize
    network = try Network<Float>(architecture: architecture, hyperparameters: hyperparameters, seed: 42)
    network.metricsInterval = metricsInterval
    network.threads = threads
    // Like a training session, and like the peers: the update needs the gradients, nobody reads them after.
    network.keepsGradients = false
    var generator = SeededGenerator(seed: 7)
    let samples = batchCount * batchSize
    inputs = (0..<samples * architecture.inputs).map { _ in 2 * generator.nextUnitFloat() - 1 }
    let classes = architecture.head.outputWidth == 1 ? 2 : architecture.head.outputWidth
    targets = (0..<samples).map { _ in Float(generator.nextInt(below: classes)) }
  }

  var samplesPerIteration: Int? { batchSize }

  /// 2 * batch * in * out per product: forward and weight gradient for every layer, input gradient
  /// for every layer but the first.
  var flopsPerIteration: Double {
    let widths = architecture.widths
    var flops = 0.0
    for layer in 0..<(widths.count - 1) {
      let product = 2 * Double(batchSize) * Double(widths[layer]) * Double(widths[layer + 1])
      flops += product * (layer == 0 ? 2 : 3)
    }
    return flops
  }

  mutating func run(iterations: Int) {
    let inputWidth = architecture.inputs
    let batchSize = batchSize
    inputs.withUnsafeBufferPointer { inputs in
      targets.withUnsafeBufferPointer { targets in
        for _ in 0..<iterations {
          let x = UnsafeBufferPointer(
            rebasing: inputs[(nextBatch * batchSize * inputWidth)...].prefix(batchSize * inputWidth))
          let t = UnsafeBufferPointer(rebasing: targets[(nextBatch * batchSize)...].prefix(batchSize))
          do {
            _ = try network.trainStep(inputs: x, targets: t, count: batchSize)
          } catch {
            fatalError("training step failed: \(error)")
          }
          nextBatch = (nextBatch + 1) % batchCount
        }
      }
    }
  }

  /// The four workloads of issue 2, at the given metrics interval, on `threads` threads.
  static func standardSet(metricsInterval: Int, threads: Int = 1) throws -> [TrainingBenchmark] {
    [
      try TrainingBenchmark(
        name: "W1",
        architecture: NetworkArchitecture(inputs: 2, hidden: [16, 16, 16, 16], activation: .tanh, head: .binary),
        batchSize: 32, metricsInterval: metricsInterval, threads: threads),
      try TrainingBenchmark(
        name: "W2",
        architecture: NetworkArchitecture(
          inputs: 64, hidden: [128, 64], activation: .relu, head: .multiclass(classes: 10)),
        batchSize: 64, metricsInterval: metricsInterval, threads: threads),
      try TrainingBenchmark(
        name: "W3",
        architecture: NetworkArchitecture(
          inputs: 784, hidden: [256, 256], activation: .relu, head: .multiclass(classes: 10)),
        batchSize: 128, metricsInterval: metricsInterval, threads: threads),
      try TrainingBenchmark(
        name: "W4",
        architecture: NetworkArchitecture(
          inputs: 2, hidden: Array(repeating: 32, count: 10), activation: .sigmoid, head: .binary),
        batchSize: 64, metricsInterval: metricsInterval, threads: threads),
    ]
  }
}
