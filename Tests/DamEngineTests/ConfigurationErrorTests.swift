import DamEngine
import Testing

/// Bad settings and bad batches are errors, never crashes.
struct ConfigurationErrorTests {
  private let architecture = NetworkArchitecture(inputs: 2, hidden: [4], activation: .relu, head: .binary)

  private func rejects(_ key: String, _ edit: (inout Hyperparameters) -> Void) throws {
    var h = Hyperparameters()
    edit(&h)
    var network = try Network<Float>(architecture: architecture, seed: 1)
    let before = network.hyperparameters
    let error = #expect(throws: ConfigurationError.self) { try network.setHyperparameters(h) }
    #expect(error?.key == key)
    #expect(network.hyperparameters == before)
    #expect(throws: ConfigurationError.self) {
      try Network<Float>(architecture: architecture, hyperparameters: h, seed: 1)
    }
  }

  @Test("Out-of-range hyperparameters are rejected with their key")
  func badHyperparameters() throws {
    try rejects("dropout") { $0.dropout = 1 }
    try rejects("dropout") { $0.dropout = -0.1 }
    try rejects("dropout") { $0.dropoutPerLayer = [0.2, 0.3] }
    try rejects("l1") { $0.l1 = -1e-4 }
    try rejects("l2") { $0.l2 = -1 }
    try rejects("learning_rate") { $0.learningRate = 0 }
    try rejects("learning_rate") { $0.learningRate = -0.1 }
    try rejects("learning_rate") { $0.learningRate = .nan }
    try rejects("learning_rate") { $0.learningRate = .infinity }
    try rejects("clip_norm") { $0.clipNorm = 0 }
  }

  @Test("Zero-width layers, too few classes and oversized networks are rejected")
  func badArchitectures() {
    let cases: [(NetworkArchitecture, String)] = [
      (NetworkArchitecture(inputs: 2, hidden: [4, 0], activation: .relu, head: .binary), "hidden"),
      (NetworkArchitecture(inputs: 0, hidden: [4], activation: .relu, head: .binary), "inputs"),
      (NetworkArchitecture(inputs: 2, hidden: [4], activation: .relu, head: .multiclass(classes: 1)), "classes"),
      (NetworkArchitecture(inputs: 2, hidden: [4], activation: .relu, head: .regression(outputs: 0)), "outputs"),
      (NetworkArchitecture(inputs: 100_000, hidden: [100_000], activation: .relu, head: .binary), "hidden"),
    ]
    for (architecture, key) in cases {
      let error = #expect(throws: ConfigurationError.self) { try Network<Float>(architecture: architecture, seed: 1) }
      #expect(error?.key == key)
    }
  }

  @Test("Non-finite or negative initializer gains are rejected")
  func badInitializer() throws {
    var network = try Network<Float>(architecture: architecture, seed: 1)
    #expect(throws: ConfigurationError.self) { try network.reinitialize(with: Initializer(kind: .heNormal, gain: -1)) }
    #expect(throws: ConfigurationError.self) {
      try network.reinitialize(with: Initializer(kind: .normal, gain: 1, value: .nan))
    }
  }

  @Test("Mismatched batch sizes and invalid targets are errors and leave the network unchanged")
  func badBatches() throws {
    var network = try Network<Float>(architecture: architecture, seed: 1)
    let before = network.snapshot()
    #expect(throws: BatchError.inputSize(expected: 6, actual: 5)) {
      try network.trainStep(inputs: [1, 2, 3, 4, 5], targets: [0, 1, 0], count: 3)
    }
    #expect(throws: BatchError.targetSize(expected: 3, actual: 2)) {
      try network.trainStep(inputs: [1, 2, 3, 4, 5, 6], targets: [0, 1], count: 3)
    }
    #expect(throws: BatchError.target(sample: 1, value: 2, allowed: "a number in [0, 1]")) {
      try network.trainStep(inputs: [1, 2, 3, 4, 5, 6], targets: [0, 2, 1], count: 3)
    }
    #expect(throws: BatchError.empty) { try network.evaluate(inputs: [], targets: [], count: 0) }
    #expect(network.snapshot() == before)
    var classifier = try Network<Float>(
      architecture: NetworkArchitecture(inputs: 1, hidden: [], activation: .relu, head: .multiclass(classes: 3)),
      seed: 1)
    #expect(throws: BatchError.target(sample: 0, value: 1.5, allowed: "a class index in 0..<3")) {
      try classifier.trainStep(inputs: [1], targets: [1.5], count: 1)
    }
    #expect(throws: BatchError.target(sample: 0, value: 3, allowed: "a class index in 0..<3")) {
      try classifier.trainStep(inputs: [1], targets: [3], count: 1)
    }
    let samples: [Float] = [1, 2, 3]
    let targets: [Float] = [0, 1, 2]
    let indices = [0, 3]
    #expect(throws: BatchError.index(3, sampleCount: 3)) {
      try samples.withUnsafeBufferPointer { x in
        try targets.withUnsafeBufferPointer { t in
          try indices.withUnsafeBufferPointer { i in try classifier.trainStep(samples: x, targets: t, indices: i) }
        }
      }
    }
  }
}
