import DamEngine
import Testing

/// Whole training steps: determinism, snapshots, metrics and gathering.
struct TrainingTests {
  private static func makeNetwork(seed: UInt64 = 7) throws -> Network<Float> {
    var h = Hyperparameters()
    h.dropout = 0.2
    h.l2 = 1e-3
    h.batchSize = 16
    let architecture = NetworkArchitecture(inputs: 2, hidden: [12, 12], activation: .relu, head: .binary)
    return try Network<Float>(architecture: architecture, hyperparameters: h, seed: seed)
  }

  /// 30 steps on shuffled mini-batches drawn with the network's own generator; the data losses.
  private static func losses(_ network: inout Network<Float>, steps: Int = 30) throws -> [Double] {
    let data = TestData.xor(count: 64, seed: 1)
    var order = Array(0..<64)
    var result: [Double] = []
    for step in 0..<steps {
      if step % 4 == 0 { network.shuffle(&order) }
      let batch = Array(order[(step % 4 * 16)..<(step % 4 * 16 + 16)])
      let r = try data.inputs.withUnsafeBufferPointer { x in
        try data.targets.withUnsafeBufferPointer { t in
          try batch.withUnsafeBufferPointer { i in try network.trainStep(samples: x, targets: t, indices: i) }
        }
      }
      result.append(r.dataLoss)
    }
    return result
  }

  @Test("The same seed gives bit-identical losses; another seed does not")
  func sameSeedSameLosses() throws {
    var a = try Self.makeNetwork()
    var b = try Self.makeNetwork()
    var c = try Self.makeNetwork(seed: 8)
    let lossesA = try Self.losses(&a)
    #expect(lossesA == (try Self.losses(&b)))
    #expect(lossesA != (try Self.losses(&c)))
    #expect(a.parameters == b.parameters)
  }

  @Test("Restoring a snapshot replays the same future")
  func snapshotRewinds() throws {
    var network = try Self.makeNetwork()
    _ = try Self.losses(&network, steps: 5)
    let state = network.snapshot()
    let future = try Self.losses(&network)
    try network.restore(state)
    #expect(try Self.losses(&network) == future)
    var rebuilt = try Network<Float>(restoring: state)
    #expect(try Self.losses(&rebuilt) == future)
  }

  @Test("Training lowers the loss and reports its parts")
  func trainingLowersLoss() throws {
    var network = try Self.makeNetwork()
    let losses = try Self.losses(&network, steps: 200)
    let late: Double = losses.suffix(20).reduce(0, +)
    let early: Double = losses.prefix(20).reduce(0, +)
    #expect(late < early * 0.6)
    let data = TestData.xor(count: 64, seed: 1)
    let result = try network.trainStep(inputs: data.inputs, targets: data.targets, count: 64)
    #expect(result.isFinite && !result.clipped && result.step == 201)
    #expect(abs(result.regularizationLoss - network.hyperparameters.l2 / 2 * weightSquares(network)) < 1e-2)
    #expect(result.regularizationLoss > 0)
    #expect(try #require(result.accuracy) > 0.7)
  }

  @Test("Per-layer metrics describe the step")
  func metrics() throws {
    var network = try Self.makeNetwork()
    let data = TestData.xor(count: 64, seed: 1)
    let result = try network.trainStep(inputs: data.inputs, targets: data.targets, count: 64)
    #expect(result.measuredLayers)
    let metrics = network.layerMetrics
    #expect(metrics.count == 3)
    for layer in 0..<3 {
      #expect(metrics[layer].gradientNorm > 0 && metrics[layer].weightNorm > 0)
      #expect(metrics[layer].updateRatio > 0 && metrics[layer].updateRatio < 1)
      #expect(metrics[layer].activationStd > 0)
    }
    #expect(metrics[0].deadFraction != nil && metrics[2].deadFraction == nil)
    #expect(metrics[0].saturatedFraction == nil)
    #expect(metrics[0].activationMean > 0, "ReLU outputs are non-negative")

    network.metricsInterval = 0
    let quiet = try network.trainStep(inputs: data.inputs, targets: data.targets, count: 64)
    #expect(!quiet.measuredLayers && network.layerMetrics == metrics)
  }

  @Test("Sigmoid saturation and dead ReLU units are detected")
  func saturationAndDeadUnits() throws {
    let inputs: [Float] = TestData.inputs(count: 32, width: 2, seed: 1)
    let targets: [Float] = (0..<32).map { Float($0 % 2) }
    var sigmoid = try Network<Float>(
      architecture: NetworkArchitecture(inputs: 2, hidden: [8], activation: .sigmoid, head: .binary),
      initializer: Initializer(kind: .normal, gain: 1, value: 100), seed: 1)
    _ = try sigmoid.trainStep(inputs: inputs, targets: targets, count: 32)
    #expect(try #require(sigmoid.layerMetrics[0].saturatedFraction) > 0.9)

    var relu = try Network<Float>(
      architecture: NetworkArchitecture(inputs: 2, hidden: [8], activation: .relu, head: .binary),
      initializer: Initializer(kind: .constant, value: 0), seed: 1)
    _ = try relu.trainStep(inputs: inputs, targets: targets, count: 32)
    #expect(relu.layerMetrics[0].deadFraction == 1)
  }

  @Test("Exploding training is reported as non-finite")
  func nonFiniteIsDetected() throws {
    var h = Hyperparameters()
    h.optimizer = .sgd
    h.learningRate = 10
    var network = try Network<Float>(
      architecture: NetworkArchitecture(inputs: 2, hidden: [8], activation: .linear, head: .regression(outputs: 1)),
      initializer: Initializer(kind: .normal, gain: 1, value: 3), hyperparameters: h, seed: 1)
    let inputs: [Float] = TestData.inputs(count: 8, width: 2, seed: 1).map { $0 * 100 }
    let targets: [Float] = TestData.targets(for: .regression(outputs: 1), count: 8, seed: 2)
    var finite = true
    for _ in 0..<20 where finite {
      finite = try network.trainStep(inputs: inputs, targets: targets, count: 8).isFinite
    }
    #expect(!finite)
  }

  @Test("Changing the activation keeps the weights")
  func liveActivationChange() throws {
    var network = try Self.makeNetwork()
    let weights = network.parameters
    network.setActivation(.tanh)
    #expect(network.architecture.activation == .tanh && network.parameters == weights)
  }

  private func weightSquares(_ network: Network<Float>) -> Double {
    (0..<network.layout.layerCount).reduce(0.0) { sum, layer in
      sum + network.weights(layer: layer).reduce(0.0) { $0 + Double($1 * $1) }
    }
  }
}
