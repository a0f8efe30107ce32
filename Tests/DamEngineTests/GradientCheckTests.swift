import DamEngine
import Testing

/// Central-difference checks of the analytic gradient of J = data loss + (l2/2)||W||^2 + l1|W|, in Double.
struct GradientCheckTests {
  static let heads: [OutputHead] = [.binary, .multiclass(classes: 3), .regression(outputs: 2)]
  static let penalties: [(l1: Double, l2: Double)] = [(0, 0), (0.03, 0), (0, 0.05), (0.03, 0.05)]

  @Test(
    "Analytic gradient matches central differences for every activation, head and penalty",
    arguments: Activation.allCases, heads)
  func gradientMatchesCentralDifferences(activation: Activation, head: OutputHead) throws {
    for penalty in Self.penalties {
      let error = try relativeGradientError(activation: activation, head: head, l1: penalty.l1, l2: penalty.l2)
      #expect(error < 1e-6, "\(activation) \(head) l1 \(penalty.l1) l2 \(penalty.l2): relative error \(error)")
    }
  }

  /// ||analytic - numeric|| / (||analytic|| + ||numeric||) over all parameters.
  private func relativeGradientError(activation: Activation, head: OutputHead, l1: Double, l2: Double) throws
    -> Double
  {
    let architecture = NetworkArchitecture(inputs: 3, hidden: [4, 3], activation: activation, head: head)
    var hyperparameters = Hyperparameters()
    hyperparameters.l1 = l1
    hyperparameters.l2 = l2
    var network = try Network<Double>(
      architecture: architecture, initializer: Initializer(kind: .xavierNormal, gain: 1.5),
      hyperparameters: hyperparameters, seed: 7)
    // Keep every parameter at least 0.1 away from 0, so |w| is differentiable at every probe (L1),
    // and give biases non-zero values so they are checked too.
    let parameters = network.parameters.enumerated().map { index, value in
      let magnitude = abs(value) + 0.1
      return (value < 0 || (value == 0 && index % 2 == 0)) ? -magnitude : magnitude
    }
    try network.setParameters(parameters)
    let count = 5
    let inputs: [Double] = TestData.inputs(count: count, width: 3, seed: 11)
    let targets: [Double] = TestData.targets(for: head, count: count, seed: 13)
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: count)
    let analytic = network.gradients

    let h = 1e-5
    var differenceSquared = 0.0
    var analyticSquared = 0.0
    var numericSquared = 0.0
    for index in parameters.indices {
      var probe = parameters
      probe[index] = parameters[index] + h
      try network.setParameters(probe)
      let plus = try objective(&network, inputs, targets, count)
      probe[index] = parameters[index] - h
      try network.setParameters(probe)
      let minus = try objective(&network, inputs, targets, count)
      let numeric = (plus - minus) / (2 * h)
      differenceSquared += (analytic[index] - numeric) * (analytic[index] - numeric)
      analyticSquared += analytic[index] * analytic[index]
      numericSquared += numeric * numeric
    }
    return differenceSquared.squareRoot() / (analyticSquared.squareRoot() + numericSquared.squareRoot())
  }

  private func objective(_ network: inout Network<Double>, _ inputs: [Double], _ targets: [Double], _ count: Int)
    throws -> Double
  {
    try network.evaluate(inputs: inputs, targets: targets, count: count).loss + network.regularizationLoss()
  }
}
