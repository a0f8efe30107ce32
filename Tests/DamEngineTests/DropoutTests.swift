import DamEngine
import Testing

/// Inverted dropout: unbiased in training, absent in evaluation.
struct DropoutTests {
  /// A linear network (so the output is linear in each hidden unit) with dropout `rate`.
  private func linearNetwork(rate: Double) throws -> Network<Double> {
    var h = Hyperparameters()
    h.dropout = rate
    let architecture = NetworkArchitecture(
      inputs: 4, hidden: [32, 16], activation: .linear, head: .regression(outputs: 2))
    return try Network<Double>(architecture: architecture, hyperparameters: h, seed: 9)
  }

  @Test("Dropout keeps the expected output")
  func keepsTheExpectation() throws {
    var network = try linearNetwork(rate: 0.3)
    let inputs: [Double] = TestData.inputs(count: 3, width: 4, seed: 1)
    let clean = try network.predict(inputs, count: 3)
    let draws = 4000
    var sum = [Double](repeating: 0, count: clean.count)
    var squares = sum
    for _ in 0..<draws {
      let noisy = try network.predict(inputs, count: 3, dropout: true)
      for i in sum.indices {
        sum[i] += noisy[i]
        squares[i] += noisy[i] * noisy[i]
      }
    }
    for i in sum.indices {
      let mean = sum[i] / Double(draws)
      let standardError = ((squares[i] / Double(draws) - mean * mean) / Double(draws)).squareRoot()
      #expect(standardError > 0, "dropout must actually perturb the output")
      #expect(abs(mean - clean[i]) < 5 * standardError, "output \(i): mean \(mean), clean \(clean[i])")
    }
  }

  @Test("Evaluation is deterministic and draws nothing from the generator")
  func evaluationIsDeterministic() throws {
    var network = try linearNetwork(rate: 0.5)
    let inputs: [Double] = TestData.inputs(count: 5, width: 4, seed: 2)
    let generator = network.generator
    let first = try network.predict(inputs, count: 5)
    let second = try network.predict(inputs, count: 5)
    #expect(first == second)
    #expect(network.generator == generator)
    #expect(try network.predict(inputs, count: 5, dropout: true) != first)
  }

  @Test("Rate 0 is the identity")
  func rateZeroIsIdentity() throws {
    var network = try linearNetwork(rate: 0)
    let inputs: [Double] = TestData.inputs(count: 5, width: 4, seed: 3)
    #expect(try network.predict(inputs, count: 5, dropout: true) == network.predict(inputs, count: 5))
  }

  @Test("Per-layer rates override the global rate")
  func perLayerRates() throws {
    var network = try linearNetwork(rate: 0.5)
    var h = network.hyperparameters
    h.dropoutPerLayer = [0, 0]
    try network.setHyperparameters(h)
    let inputs: [Double] = TestData.inputs(count: 5, width: 4, seed: 3)
    #expect(try network.predict(inputs, count: 5, dropout: true) == network.predict(inputs, count: 5))
    h.dropoutPerLayer = [0, 0, 0]
    #expect(throws: ConfigurationError.self) { try network.setHyperparameters(h) }
  }

  @Test("The gradient through a dropout mask matches central differences")
  func gradientThroughMask() throws {
    var h = Hyperparameters()
    h.dropout = 0.4
    let architecture = NetworkArchitecture(
      inputs: 3, hidden: [6, 5], activation: .tanh, head: .regression(outputs: 2))
    var network = try Network<Double>(architecture: architecture, hyperparameters: h, seed: 4)
    let inputs: [Double] = TestData.inputs(count: 4, width: 3, seed: 5)
    let targets: [Double] = TestData.targets(for: architecture.head, count: 4, seed: 6)
    let generator = network.generator
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: 4, dropout: true)
    let analytic = network.gradients
    let parameters = network.parameters
    // The same mask for every probe: rewind the generator before each forward pass.
    func loss(_ probe: [Double]) throws -> Double {
      try network.setParameters(probe)
      network.generator = generator
      let outputs = try network.predict(inputs, count: 4, dropout: true)
      return zip(outputs, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / 2 } / 4
    }
    var worst = 0.0
    for i in parameters.indices {
      var plus = parameters
      plus[i] += 1e-5
      var minus = parameters
      minus[i] -= 1e-5
      let numeric = try (loss(plus) - loss(minus)) / 2e-5
      worst = max(worst, abs(numeric - analytic[i]) / max(1e-3, abs(numeric) + abs(analytic[i])))
    }
    #expect(worst < 1e-6)
    #expect(analytic.contains { $0 == 0 }, "dropped units get no gradient")
  }
}
