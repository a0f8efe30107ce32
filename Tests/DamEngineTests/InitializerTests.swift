import DamEngine
import Testing

/// Sample moments of every initializer against its formula (W is out x in; here 100 x 200).
struct InitializerTests {
  static let fanIn = 200
  static let fanOut = 100

  /// (variance formula, whether the distribution is uniform) for gain g.
  static func expectedVariance(_ initializer: Initializer) -> (variance: Double, isUniform: Bool)? {
    let g = initializer.gain
    let n = Double(fanIn)
    let m = Double(fanOut)
    switch initializer.kind {
    case .zeros, .constant: return nil
    case .normal: return (g * g * initializer.value * initializer.value, false)
    case .uniform: return (g * g * initializer.value * initializer.value / 3, true)
    case .xavierUniform: return (g * g * 6 / (n + m) / 3, true)
    case .xavierNormal: return (g * g * 2 / (n + m), false)
    case .heNormal: return (g * g * 2 / n, false)
    case .heUniform: return (g * g * 6 / n / 3, true)
    case .lecunNormal: return (g * g / n, false)
    }
  }

  @Test("Random initializers match their mean and variance formulas", arguments: Initializer.Kind.allCases)
  func samplesMatchFormula(kind: Initializer.Kind) throws {
    let initializer = Initializer(kind: kind, gain: 1.7, value: 0.3)
    let architecture = NetworkArchitecture(
      inputs: Self.fanIn, hidden: [], activation: .relu, head: .regression(outputs: Self.fanOut))
    let network = try Network<Double>(architecture: architecture, initializer: initializer, seed: 42)
    let weights = network.weights(layer: 0)
    #expect(network.bias(layer: 0).allSatisfy { $0 == 0 })
    guard let (variance, isUniform) = Self.expectedVariance(initializer) else {
      let constant = kind == .zeros ? 0 : initializer.value
      #expect(weights.allSatisfy { $0 == constant })
      return
    }
    let n = Double(weights.count)
    let mean = weights.reduce(0, +) / n
    let sampleVariance = weights.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    // Standard errors: of the mean sqrt(var / n); of the variance sqrt((mu4 - var^2) / n) with
    // mu4 = 3 var^2 (normal) or 9/5 var^2 (uniform). Five standard errors: fails ~1 in 10^6 by chance.
    let meanError = (variance / n).squareRoot()
    let fourthMoment = isUniform ? 9.0 / 5.0 * variance * variance : 3 * variance * variance
    let varianceError = ((fourthMoment - variance * variance) / n).squareRoot()
    #expect(abs(mean) < 5 * meanError, "\(kind) mean \(mean)")
    #expect(abs(sampleVariance - variance) < 5 * varianceError, "\(kind) variance \(sampleVariance) vs \(variance)")
    if isUniform {
      let bound = (3 * variance).squareRoot()
      #expect(weights.allSatisfy { abs($0) <= bound })
    }
  }

  @Test("Reinitializing draws new weights, zeroes biases and resets the step count")
  func reinitializeIsOneCall() throws {
    let architecture = NetworkArchitecture(inputs: 2, hidden: [5], activation: .tanh, head: .binary)
    var network = try Network<Float>(architecture: architecture, seed: 1)
    let data = TestData.xor(count: 16, seed: 3)
    _ = try network.trainStep(inputs: data.inputs, targets: data.targets, count: 16)
    try network.reinitialize(with: Initializer(kind: .heNormal, gain: 2))
    #expect(network.step == 0 && network.optimizerStep == 0)
    #expect(network.bias(layer: 0).allSatisfy { $0 == 0 })
    #expect(network.initializer.kind == .heNormal)
    #expect(network.snapshot().firstMoment.allSatisfy { $0 == 0 })
  }
}
