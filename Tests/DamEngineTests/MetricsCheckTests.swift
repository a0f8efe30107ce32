import DamEngine
import Testing

/// Per-layer metrics of the Float fast path checked against independent references.
struct MetricsCheckTests {
  func close(_ a: Double, _ b: Double, _ tol: Double = 1e-4) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

  @Test(
    "Float per-layer metrics match the Double path (with and without L1+L2 and clipping)",
    arguments: [Activation.relu, .sigmoid, .tanh, .elu], [OptimizerKind.sgd, .adam])
  func floatMatchesDouble(activation: Activation, optimizer: OptimizerKind) throws {
    for (l1, l2) in [(0.0, 0.0), (1e-3, 1e-2)] {
      for clip in [nil, 0.5] as [Double?] {
        var h = Hyperparameters()
        h.optimizer = optimizer
        h.l1 = l1
        h.l2 = l2
        h.dropout = 0
        h.clipNorm = clip
        h.learningRate = 0.05
        let architecture = NetworkArchitecture(inputs: 5, hidden: [19, 8, 33], activation: activation, head: .binary)
        var f = try Network<Float>(
          architecture: architecture, initializer: Initializer(kind: .normal, gain: 1, value: 3), hyperparameters: h,
          seed: 1)
        var d = try Network<Double>(architecture: architecture, hyperparameters: h, seed: 1)
        try d.setParameters(f.parameters.map(Double.init))
        let inputs: [Float] = (0..<(23 * 5)).map { Float(($0 * 37) % 17) / 8 - 1 }
        let targets: [Float] = (0..<23).map { Float($0 % 2) }
        for _ in 0..<3 {
          _ = try f.trainStep(inputs: inputs, targets: targets, count: 23)
          _ = try d.trainStep(inputs: inputs.map(Double.init), targets: targets.map(Double.init), count: 23)
          for (a, b) in zip(f.layerMetrics, d.layerMetrics) {
            #expect(close(a.gradientNorm, b.gradientNorm), "\(a) \(b)")
            #expect(close(a.weightNorm, b.weightNorm))
            #expect(close(a.updateRatio, b.updateRatio, 1e-3), "\(a.updateRatio) \(b.updateRatio)")
            #expect(close(a.activationMean, b.activationMean))
            #expect(close(a.activationStd, b.activationStd))
            #expect((a.saturatedFraction == nil) == (b.saturatedFraction == nil))
            #expect(abs((a.saturatedFraction ?? 0) - (b.saturatedFraction ?? 0)) < 0.02, "\(a) \(b)")
            #expect(a.deadFraction == b.deadFraction)
          }
          print(activation, optimizer, l1, clip as Any, f.layerMetrics[0])
        }
      }
    }
  }

  @Test("Gradient norm, weight norm and update ratio match a hand computation") func floatAgainstHandReference() throws
  {
    var h = Hyperparameters()
    h.dropout = 0
    h.learningRate = 0.1
    let architecture = NetworkArchitecture(inputs: 5, hidden: [19, 16], activation: .relu, head: .binary)
    var f = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 3)
    let inputs: [Float] = (0..<(23 * 5)).map { Float(($0 * 37) % 17) / 8 - 1 }
    let targets: [Float] = (0..<23).map { Float($0 % 2) }
    for _ in 0..<2 {
      var g = f
      _ = try g.computeGradients(inputs: inputs, targets: targets, count: 23)
      let before = (0..<3).map { f.weights(layer: $0) }
      _ = try f.trainStep(inputs: inputs, targets: targets, count: 23)
      let grads = g.gradients
      for layer in 0..<3 {
        let o = f.layout.weightOffset[layer]
        let n = before[layer].count
        let gn = grads[o..<(o + n)].reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let wn = before[layer].reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        let cn = zip(f.weights(layer: layer), before[layer]).reduce(0.0) {
          $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1)
        }.squareRoot()
        let m = f.layerMetrics[layer]
        #expect(close(m.gradientNorm, gn, 1e-5) && close(m.weightNorm, wn, 1e-5), "\(m) \(gn) \(wn)")
        #expect(close(m.updateRatio, cn / wn, 1e-5), "\(m.updateRatio) \(cn / wn)")
      }
    }
  }
}
