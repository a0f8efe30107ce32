import DamEngine
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Each optimizer against PyTorch's update rule written out by hand, and on a small problem.
struct OptimizerTests {
  private static let architecture = NetworkArchitecture(
    inputs: 3, hidden: [4], activation: .tanh, head: .multiclass(classes: 3))

  private static func hyperparameters(_ kind: OptimizerKind) -> Hyperparameters {
    var h = Hyperparameters()
    h.optimizer = kind
    h.learningRate = 0.1
    h.l1 = 0.01
    h.l2 = 0.02
    h.momentum = 0.8
    h.rho = 0.85
    h.beta1 = 0.7
    h.beta2 = 0.9
    h.epsilon = 1e-3
    return h
  }

  /// Two steps by hand from the gradients the engine computes (data + l2 W + l1 sign W) at p0 and p1.
  private static func expectedParameters(
    _ kind: OptimizerKind, _ h: Hyperparameters, p0: [Double], g1: [Double], g2: [Double]
  ) -> (p1: [Double], p2: [Double]) {
    let lr = h.learningRate
    var m = [Double](repeating: 0, count: p0.count)
    var v = m
    var p = p0
    var trajectory: [[Double]] = []
    for (t, g) in [(1, g1), (2, g2)] {
      for i in p.indices {
        switch kind {
        case .sgd:
          p[i] -= lr * g[i]
        case .momentum:
          m[i] = t == 1 ? g[i] : h.momentum * m[i] + g[i]
          p[i] -= lr * m[i]
        case .nesterov:
          m[i] = t == 1 ? g[i] : h.momentum * m[i] + g[i]
          p[i] -= lr * (g[i] + h.momentum * m[i])
        case .rmsprop:
          v[i] = h.rho * v[i] + (1 - h.rho) * g[i] * g[i]
          p[i] -= lr * g[i] / (v[i].squareRoot() + h.epsilon)
        case .adam:
          m[i] = h.beta1 * m[i] + (1 - h.beta1) * g[i]
          v[i] = h.beta2 * v[i] + (1 - h.beta2) * g[i] * g[i]
          let mHat = m[i] / (1 - pow(h.beta1, Double(t)))
          let vHat = v[i] / (1 - pow(h.beta2, Double(t)))
          p[i] -= lr * mHat / (vHat.squareRoot() + h.epsilon)
        }
      }
      trajectory.append(p)
    }
    return (trajectory[0], trajectory[1])
  }

  @Test("Two steps of each optimizer equal the hand-written PyTorch rule", arguments: OptimizerKind.allCases)
  func twoStepsMatchFormula(kind: OptimizerKind) throws {
    let h = Self.hyperparameters(kind)
    var network = try Network<Double>(architecture: Self.architecture, hyperparameters: h, seed: 3)
    let inputs: [Double] = TestData.inputs(count: 6, width: 3, seed: 5)
    let targets: [Double] = TestData.targets(for: Self.architecture.head, count: 6, seed: 6)
    let p0 = network.parameters
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: 6)
    let g1 = network.gradients
    _ = try network.trainStep(inputs: inputs, targets: targets, count: 6)
    let p1 = network.parameters
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: 6)
    let g2 = network.gradients
    _ = try network.trainStep(inputs: inputs, targets: targets, count: 6)
    let expected = Self.expectedParameters(kind, h, p0: p0, g1: g1, g2: g2)
    #expect(maxDifference(p1, expected.p1) < 1e-12)
    #expect(maxDifference(network.parameters, expected.p2) < 1e-12)
    #expect(maxDifference(p0, p1) > 1e-4)
  }

  @Test("Every optimizer trains XOR to at least 95% accuracy", arguments: OptimizerKind.allCases)
  func trainsXor(kind: OptimizerKind) throws {
    var h = Hyperparameters()
    h.optimizer = kind
    h.learningRate = [.sgd: 1, .momentum: 0.2, .nesterov: 0.2, .rmsprop: 0.02, .adam: 0.05][kind]!
    let architecture = NetworkArchitecture(inputs: 2, hidden: [8], activation: .tanh, head: .binary)
    var network = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 1)
    let data = TestData.xor(count: 64, seed: 2)
    for _ in 0..<150 { _ = try network.trainStep(inputs: data.inputs, targets: data.targets, count: 64) }
    let accuracy = try #require(try network.evaluate(inputs: data.inputs, targets: data.targets, count: 64).accuracy)
    #expect(accuracy >= 0.95, "\(kind): accuracy \(accuracy)")
  }

  @Test("Switching the optimizer resets its state and nothing else")
  func switchingResetsOptimizerState() throws {
    var network = try Network<Double>(
      architecture: Self.architecture, hyperparameters: Self.hyperparameters(.adam), seed: 3)
    let inputs: [Double] = TestData.inputs(count: 6, width: 3, seed: 5)
    let targets: [Double] = TestData.targets(for: Self.architecture.head, count: 6, seed: 6)
    _ = try network.trainStep(inputs: inputs, targets: targets, count: 6)
    let before = network.snapshot()
    try network.setHyperparameters(Self.hyperparameters(.rmsprop))
    let after = network.snapshot()
    #expect(after.parameters == before.parameters)
    #expect(after.step == 1 && after.optimizerStep == 0)
    #expect(after.firstMoment.allSatisfy { $0 == 0 } && after.secondMoment.allSatisfy { $0 == 0 })
    #expect(before.secondMoment.contains { $0 != 0 })
    var h = Self.hyperparameters(.rmsprop)
    h.learningRate = 0.05
    _ = try network.trainStep(inputs: inputs, targets: targets, count: 6)
    try network.setHyperparameters(h)
    #expect(network.optimizerStep == 1, "changing only the learning rate keeps the optimizer state")
  }

  @Test("Clipping scales the update to the norm limit")
  func clippingLimitsTheGradientNorm() throws {
    var h = Self.hyperparameters(.sgd)
    h.clipNorm = 0.01
    var network = try Network<Double>(architecture: Self.architecture, hyperparameters: h, seed: 3)
    let inputs: [Double] = TestData.inputs(count: 6, width: 3, seed: 5)
    let targets: [Double] = TestData.targets(for: Self.architecture.head, count: 6, seed: 6)
    let p0 = network.parameters
    _ = try network.computeGradients(inputs: inputs, targets: targets, count: 6)
    let g = network.gradients
    let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let result = try network.trainStep(inputs: inputs, targets: targets, count: 6)
    #expect(result.clipped)
    #expect(abs(result.gradientNorm - norm) < 1e-12)
    let scale = 0.01 / (norm + 1e-6)
    let expected = zip(p0, g).map { $0 - h.learningRate * scale * $1 }
    #expect(maxDifference(network.parameters, expected) < 1e-12)
  }
}

func maxDifference<Scalar: BinaryFloatingPoint>(_ a: [Scalar], _ b: [Scalar]) -> Scalar {
  zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
