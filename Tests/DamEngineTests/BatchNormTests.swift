import DamEngine
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Batch normalization's behaviour around the numerics: what evaluation uses, how the running
/// statistics move, where its tensors are saved, and what it costs in memory.
struct BatchNormTests {
  private let architecture = NetworkArchitecture(
    inputs: 3, hidden: [5, 4], activation: .tanh, head: .multiclass(classes: 3), batchNorm: true)

  private func trainedNetwork(steps: Int = 5) throws -> (Network<Float>, inputs: [Float], targets: [Float]) {
    var hyperparameters = Hyperparameters()
    hyperparameters.learningRate = 0.1
    var network = try Network<Float>(architecture: architecture, hyperparameters: hyperparameters, seed: 3)
    let inputs: [Float] = TestData.inputs(count: 12, width: 3, seed: 4)
    let targets: [Float] = TestData.targets(for: architecture.head, count: 12, seed: 5)
    for _ in 0..<steps { _ = try network.trainStep(inputs: inputs, targets: targets, count: 12) }
    return (network, inputs, targets)
  }

  @Test("Gamma and beta are trainable parameters after each hidden layer's bias; the output layer has none")
  func layoutAndInitialValues() throws {
    let network = try Network<Float>(architecture: architecture, seed: 1)
    let layout = network.layout
    #expect(architecture.parameterCount == layout.count)
    #expect(layout.count == (3 * 5 + 5 + 2 * 5) + (5 * 4 + 4 + 2 * 4) + (4 * 3 + 3))
    #expect(layout.scaleOffset == [layout.biasOffset[0] + 5, layout.biasOffset[1] + 4])
    #expect(layout.weightOffset[1] == layout.scaleOffset[0] + 2 * 5)
    let parameters = network.parameters
    #expect(parameters[layout.scaleOffset[1]..<(layout.scaleOffset[1] + 4)].allSatisfy { $0 == 1 })
    #expect(parameters[(layout.scaleOffset[1] + 4)..<(layout.scaleOffset[1] + 8)].allSatisfy { $0 == 0 })
    #expect(network.runningStatistics == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1])
  }

  @Test("Evaluation uses the running statistics: a sample's prediction does not depend on its batch")
  func evaluationIsPerSample() throws {
    var (network, inputs, _) = try trainedNetwork()
    let together = try network.predict(inputs, count: 12)
    var alone: [Float] = []
    for sample in 0..<12 {
      alone += try network.predict(Array(inputs[(3 * sample)..<(3 * sample + 3)]), count: 1)
    }
    let largest = zip(together, alone).map { abs($0 - $1) }.max() ?? .infinity
    #expect(largest < 1e-6, "largest difference \(largest)")
  }

  @Test("A training step moves the running statistics toward the batch's (momentum 0.1, unbiased variance)")
  func runningStatisticsUpdate() throws {
    var network = try Network<Double>(
      architecture: NetworkArchitecture(inputs: 1, hidden: [1], activation: .linear, head: .binary, batchNorm: true),
      seed: 1)
    // Z = 2 x + 0.5 on the batch x = [1, 2, 4]: mean 2 * 7 / 3 + 0.5 = 31 / 6, unbiased variance 4 * 7 / 3.
    try network.setLayer(0, weights: [2], bias: [0.5])
    _ = try network.trainStep(inputs: [1, 2, 4], targets: [0, 1, 1], count: 3)
    let statistics = network.runningStatistics
    #expect(abs(statistics[0] - 0.1 * 31 / 6) < 1e-12)
    #expect(abs(statistics[1] - (0.9 + 0.1 * 28 / 3)) < 1e-12)
    _ = try network.trainStep(inputs: [3], targets: [1], count: 1)
    #expect(network.runningStatistics == statistics, "a batch of one sample has no variance to learn from")
  }

  @Test("Computing gradients with batch statistics leaves the running statistics alone")
  func gradientsDoNotMoveStatistics() throws {
    var (network, inputs, targets) = try trainedNetwork()
    let statistics = network.runningStatistics
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: 12, batchStatistics: true)
    _ = try network.evaluate(inputs: inputs, targets: targets, count: 12)
    #expect(network.runningStatistics == statistics)
  }

  @Test("Re-initialization resets gamma, beta and the running statistics")
  func reinitializationResets() throws {
    var (network, _, _) = try trainedNetwork()
    try network.reinitialize(with: Initializer(kind: .xavierUniform))
    let fresh = try Network<Float>(architecture: architecture, seed: 1)
    #expect(network.runningStatistics == fresh.runningStatistics)
    let layout = network.layout
    for layer in 0..<2 {
      let range = layout.scaleOffset[layer]..<(layout.scaleOffset[layer] + 2 * layout.fanOut[layer])
      #expect(network.parameters[range] == fresh.parameters[range])
    }
  }

  @Test("A snapshot carries the running statistics, so a restored network evaluates identically")
  func snapshotCarriesStatistics() throws {
    var (network, inputs, targets) = try trainedNetwork()
    let state = network.snapshot()
    let before = try network.evaluate(inputs: inputs, targets: targets, count: 12)
    for _ in 0..<3 { _ = try network.trainStep(inputs: inputs, targets: targets, count: 12) }
    try network.restore(state)
    #expect(try network.evaluate(inputs: inputs, targets: targets, count: 12) == before)
    var rebuilt = try Network<Float>(restoring: state)
    #expect(try rebuilt.evaluate(inputs: inputs, targets: targets, count: 12) == before)
  }

  @Test("A weight file holds gamma, beta and the running statistics under documented names")
  func weightFileRoundTrip() throws {
    var (network, inputs, targets) = try trainedNetwork()
    let bytes = network.safetensors()
    let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
    for name in [
      #""batch_norm":"true""#, #""layers.0.bn.weight":{"dtype":"F32","shape":[5]"#, #""layers.1.bn.bias""#,
      #""layers.0.bn.running_mean""#, #""layers.1.bn.running_var":{"dtype":"F32","shape":[4]"#,
    ] {
      #expect(header.contains(name), "\(name) missing from \(header)")
    }
    #expect(!header.contains("layers.2.bn"))
    var loaded = try Network<Float>(safetensors: bytes, seed: 9)
    #expect(loaded.architecture == architecture)
    #expect(loaded.parameters == network.parameters)
    #expect(loaded.runningStatistics == network.runningStatistics)
    #expect(
      try loaded.evaluate(inputs: inputs, targets: targets, count: 12)
        == network.evaluate(inputs: inputs, targets: targets, count: 12))
  }

  @Test("Loading a weight file with or without batch normalization into the other kind fails clearly")
  func mismatchedWeightFile() throws {
    var plainArchitecture = architecture
    plainArchitecture.batchNorm = false
    var plain = try Network<Float>(architecture: plainArchitecture, seed: 1)
    var normalized = try Network<Float>(architecture: architecture, seed: 1)
    #expect(
      throws: WeightFileError.architectureMismatch(
        expected: "3-5-4-3 tanh multiclass", found: "3-5-4-3 tanh batch-norm multiclass")
    ) { try plain.loadSafetensors(normalized.safetensors()) }
    #expect(
      throws: WeightFileError.architectureMismatch(
        expected: "3-5-4-3 tanh batch-norm multiclass", found: "3-5-4-3 tanh multiclass")
    ) { try normalized.loadSafetensors(plain.safetensors()) }
  }

  @Test("Batch normalization needs batches of at least two samples")
  func batchSizeOne() throws {
    var hyperparameters = Hyperparameters()
    hyperparameters.batchSize = 1
    #expect(throws: ConfigurationError.self) {
      try Network<Float>(architecture: architecture, hyperparameters: hyperparameters, seed: 1)
    }
  }

  @Test(
    "Training, evaluation and prediction with batch normalization allocate nothing after warm-up",
    .enabled(if: allocationCounterRequired || batchNormAllocationCounter() != nil, "needs bench/check-allocations.sh"))
  func noAllocationsAfterWarmUp() throws {
    let count = try #require(
      batchNormAllocationCounter(), "DAM_REQUIRE_ALLOCATION_COUNTER=1 but bench/malloc-counter.c is not preloaded")
    var hyperparameters = Hyperparameters()
    hyperparameters.optimizer = .adam
    hyperparameters.l2 = 1e-3
    hyperparameters.dropout = 0.2
    hyperparameters.clipNorm = 1
    var network = try Network<Float>(architecture: architecture, hyperparameters: hyperparameters, seed: 1)
    let inputs: [Float] = TestData.inputs(count: 40, width: 3, seed: 2)
    let targets: [Float] = TestData.targets(for: architecture.head, count: 40, seed: 3)
    var output = [Float](repeating: 0, count: 40 * 3)
    try inputs.withUnsafeBufferPointer { x in
      try targets.withUnsafeBufferPointer { t in
        try output.withUnsafeMutableBufferPointer { y in
          func work() throws {
            for start in stride(from: 0, to: 40, by: 8) {
              _ = try network.trainStep(
                inputs: UnsafeBufferPointer(rebasing: x[(start * 3)..<((start + 8) * 3)]),
                targets: UnsafeBufferPointer(rebasing: t[start..<(start + 8)]), count: 8)
            }
            _ = try network.evaluate(inputs: x, targets: t, count: 40)
            try network.predict(inputs: x, count: 40, into: y)
          }
          try work()  // warm-up: workspaces grow to the largest batch
          let before = count()
          for _ in 0..<10 { try work() }
          #expect(count() == before, "\(count() - before) allocations in 10 rounds")
        }
      }
    }
  }
}

/// The per-thread allocation count of `bench/malloc-counter.c` when preloaded (as `AllocationTests`).
private func batchNormAllocationCounter() -> (@convention(c) () -> UInt)? {
  #if canImport(Glibc)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "dam_thread_allocations") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> UInt).self)
  #else
    return nil
  #endif
}

private let allocationCounterRequired = ProcessInfo.processInfo.environment["DAM_REQUIRE_ALLOCATION_COUNTER"] == "1"
