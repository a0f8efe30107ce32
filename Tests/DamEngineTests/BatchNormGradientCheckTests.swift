import DamEngine
import Testing

/// Central-difference checks of the analytic gradient with batch normalization on, in Double: with the
/// batch's statistics (training, where every sample's gradient flows through the batch mean and
/// variance) and with the running statistics (evaluation), with and without L2.
struct BatchNormGradientCheckTests {
  static let heads: [OutputHead] = [.binary, .multiclass(classes: 3), .regression(outputs: 2)]
  static let penalties = [0.0, 0.05]

  @Test(
    "Analytic gradient matches central differences with batch statistics for every activation and head",
    arguments: Activation.allCases, heads)
  func batchStatisticsGradient(activation: Activation, head: OutputHead) throws {
    for l2 in Self.penalties {
      let error = try relativeGradientError(activation: activation, head: head, l2: l2, batchStatistics: true)
      #expect(error < 1e-6, "\(activation) \(head) l2 \(l2): relative error \(error)")
    }
  }

  @Test(
    "Analytic gradient matches central differences with running statistics for every activation and head",
    arguments: Activation.allCases, heads)
  func runningStatisticsGradient(activation: Activation, head: OutputHead) throws {
    for l2 in Self.penalties {
      let error = try relativeGradientError(activation: activation, head: head, l2: l2, batchStatistics: false)
      #expect(error < 1e-6, "\(activation) \(head) l2 \(l2): relative error \(error)")
    }
  }

  @Test("With batch statistics the dense bias of a normalized layer gets exactly zero gradient")
  func denseBiasGradientIsZero() throws {
    var network = try makeNetwork(activation: .tanh, head: .binary, l2: 0)
    let inputs: [Double] = TestData.inputs(count: Self.count, width: 3, seed: 11)
    let targets: [Double] = TestData.targets(for: .binary, count: Self.count, seed: 13)
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: Self.count, batchStatistics: true)
    let layout = network.layout
    for layer in 0..<(layout.layerCount - 1) {
      let bias = network.gradients[layout.biasOffset[layer]..<(layout.biasOffset[layer] + layout.fanOut[layer])]
      #expect(bias.allSatisfy { $0 == 0 }, "layer \(layer): \(Array(bias))")
    }
    let outputBias = network.gradients[layout.biasOffset[layout.layerCount - 1]]
    #expect(outputBias != 0)
  }

  private static let count = 6

  private func makeNetwork(activation: Activation, head: OutputHead, l2: Double) throws -> Network<Double> {
    let architecture = NetworkArchitecture(
      inputs: 3, hidden: [4, 3], activation: activation, head: head, batchNorm: true)
    var hyperparameters = Hyperparameters()
    hyperparameters.l2 = l2
    var network = try Network<Double>(
      architecture: architecture, initializer: Initializer(kind: .xavierNormal, gain: 1.5),
      hyperparameters: hyperparameters, seed: 7)
    // Move every parameter away from its initial value (gamma 1, beta 0, biases 0) so that each term of
    // the gradient is exercised, and give the running statistics values of their own.
    var generator = SeededGenerator(seed: 17)
    let parameters = network.parameters.map { $0 + 0.3 * generator.nextGaussian() }
    try network.setParameters(parameters)
    let statistics = network.layout.runningMeanOffset.indices.flatMap { layer in
      let width = network.layout.fanOut[layer]
      let means = (0..<width).map { _ in 0.5 * generator.nextGaussian() }
      let variances = (0..<width).map { _ in generator.nextUniform(0.5, 2) }
      return means + variances
    }
    try network.setRunningStatistics(statistics)
    return network
  }

  /// ||analytic - numeric|| / (||analytic|| + ||numeric||) over all parameters.
  private func relativeGradientError(activation: Activation, head: OutputHead, l2: Double, batchStatistics: Bool)
    throws -> Double
  {
    var network = try makeNetwork(activation: activation, head: head, l2: l2)
    let parameters = network.parameters
    let inputs: [Double] = TestData.inputs(count: Self.count, width: 3, seed: 11)
    let targets: [Double] = TestData.targets(for: head, count: Self.count, seed: 13)
    _ = try network.computeGradients(
      inputs: inputs, targets: targets, count: Self.count, batchStatistics: batchStatistics)
    let analytic = network.gradients

    func objective() throws -> Double {
      if batchStatistics {
        let parts = try network.computeGradients(
          inputs: inputs, targets: targets, count: Self.count, batchStatistics: true)
        return parts.dataLoss + parts.regularizationLoss
      }
      return try network.evaluate(inputs: inputs, targets: targets, count: Self.count).loss
        + network.regularizationLoss()
    }

    let h = 1e-5
    var differenceSquared = 0.0
    var analyticSquared = 0.0
    var numericSquared = 0.0
    for index in parameters.indices {
      var probe = parameters
      probe[index] = parameters[index] + h
      try network.setParameters(probe)
      let plus = try objective()
      probe[index] = parameters[index] - h
      try network.setParameters(probe)
      let minus = try objective()
      let numeric = (plus - minus) / (2 * h)
      differenceSquared += (analytic[index] - numeric) * (analytic[index] - numeric)
      analyticSquared += analytic[index] * analytic[index]
      numericSquared += numeric * numeric
    }
    return differenceSquared.squareRoot() / (analyticSquared.squareRoot() + numericSquared.squareRoot())
  }
}
