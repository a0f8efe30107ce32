import Testing

@testable import DamEngine

/// The vectorized `Float` kernels against the element-wise reference kernels they replace.
struct FloatKernelTests {
  private let counts = [1, 7, 8, 13, 64]

  @Test("Vectorized activations match the reference, exactly where no e^x is involved")
  func forward() {
    for activation in Activation.allCases {
      for columns in counts {
        var fast: [Float] = TestData.inputs(count: 3, width: columns, seed: 1)
        var reference = fast
        let bias: [Float] = TestData.inputs(count: 1, width: columns, seed: 2)
        Float.addBiasAndActivate(activation, values: &fast, bias: bias, rows: 3, columns: columns)
        ActivationKernels.addBiasAndActivate(activation, values: &reference, bias: bias, rows: 3, columns: columns)
        switch activation {
        case .relu, .leakyRelu, .linear:
          #expect(fast == reference, "\(activation), \(columns) columns")
        case .sigmoid, .tanh, .elu:
          #expect(maxDifference(fast, reference) < 1e-6, "\(activation), \(columns) columns")
        }
      }
    }
  }

  @Test("Vectorized activation derivatives equal the reference for every activation and length")
  func backward() {
    for activation in Activation.allCases {
      for count in counts {
        var output: [Float] = TestData.inputs(count: count, width: 1, seed: 3)
        Float.addBiasAndActivate(activation, values: &output, bias: [0], rows: count, columns: 1)
        let gradient: [Float] = TestData.inputs(count: count, width: 1, seed: 4)
        var fast = gradient
        var reference = gradient
        Float.activationBackward(activation, gradient: &fast, output: output, count: count)
        ActivationKernels.backward(activation, gradient: &reference, output: output, count: count)
        #expect(fast == reference, "\(activation), \(count) values")
      }
    }
  }

  @Test("Vectorized dropout draws the reference's masks and leaves the generator where it does")
  func dropout() {
    for rate in [0.1, 0.5, 0.9] {
      for count in 1...19 {
        let values: [Float] = TestData.inputs(count: count, width: 1, seed: 5)
        var mask = [Float](repeating: 0, count: count)
        var dropped = mask
        var referenceMask = [Double](repeating: 0, count: count)
        var referenceDropped = referenceMask
        var generator = SeededGenerator(seed: 6)
        var referenceGenerator = generator
        Float.applyDropout(
          values: values, mask: &mask, dropped: &dropped, count: count, rate: rate, generator: &generator)
        DropoutKernel.apply(
          values: values.map(Double.init), mask: &referenceMask, dropped: &referenceDropped, count: count,
          rate: rate, generator: &referenceGenerator)
        #expect(generator == referenceGenerator)
        #expect(mask == referenceMask.map { $0 == 0 ? 0 : Float(1 / (1 - rate)) }, "rate \(rate), \(count) values")
        #expect(dropped == zip(values, mask).map { $0 * $1 })
      }
    }
  }

  @Test("The vectorized softmax cross-entropy matches the double-precision head")
  func softmax() {
    for classes in [2, 7, 8, 10, 17] {
      let rows = 5
      let logits: [Float] = TestData.inputs(count: rows, width: classes, seed: 7).map { 3 * $0 }
      let targets: [Float] = TestData.targets(for: .multiclass(classes: classes), count: rows, seed: 8)
      var gradient = [Float](repeating: 0, count: rows * classes)
      var reference = [Double](repeating: 0, count: rows * classes)
      let fast = HeadKernels.loss(
        .multiclass(classes: classes), logits: logits, targets: targets, rows: rows, gradient: &gradient,
        gradientScale: 0.25)
      let exact = HeadKernels.loss(
        .multiclass(classes: classes), logits: logits.map(Double.init), targets: targets.map(Double.init),
        rows: rows, gradient: &reference, gradientScale: 0.25)
      let lossOnly = HeadKernels.loss(
        .multiclass(classes: classes), logits: logits, targets: targets, rows: rows, gradient: nil,
        gradientScale: 0.25)
      #expect(abs(fast.loss - exact.loss) <= 1e-6 * exact.loss, "\(classes) classes")
      #expect(fast.correct == exact.correct && lossOnly.correct == exact.correct)
      #expect(lossOnly.loss == fast.loss)
      #expect(maxDifference(gradient.map(Double.init), reference) < 1e-7, "\(classes) classes")
    }
  }

  @Test(
    "The one-sweep update (for SGD, inside the weight-gradient products) gives the same parameters as the two sweeps of a measured step",
    arguments: [OptimizerKind.sgd, .adam], [[19, 8], [40, 33]])
  func fusedUpdate(optimizer: OptimizerKind, hidden: [Int]) throws {
    var h = Hyperparameters()
    h.optimizer = optimizer
    h.l1 = 1e-3
    h.l2 = 1e-2
    h.dropout = 0.2
    let architecture = NetworkArchitecture(inputs: 5, hidden: hidden, activation: .relu, head: .binary)
    // Batches of 16 and of 300 (more than one GEMM depth block: the fused update then reads C back);
    // with and without keeping the weight gradients.
    for (count, keepsGradients) in [(16, true), (16, false), (300, true), (300, false)] {
      h.batchSize = count
      var fused = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 1)
      fused.metricsInterval = 0
      fused.keepsGradients = keepsGradients
      var measured = fused
      measured.metricsInterval = 1
      measured.keepsGradients = true
      let inputs: [Float] = TestData.inputs(count: count, width: 5, seed: 2)
      let targets: [Float] = TestData.targets(for: .binary, count: count, seed: 3)
      for _ in 0..<5 {
        let a = try fused.trainStep(inputs: inputs, targets: targets, count: count)
        let b = try measured.trainStep(inputs: inputs, targets: targets, count: count)
        #expect(!a.measuredLayers && b.measuredLayers)
        #expect(a.dataLoss == b.dataLoss)
        #expect(abs(a.gradientNorm - b.gradientNorm) <= 1e-5 * b.gradientNorm)
        #expect(abs(a.regularizationLoss - b.regularizationLoss) <= 1e-5 * b.regularizationLoss)
      }
      #expect(fused.snapshot().parameters == measured.snapshot().parameters, "batch \(count) keeps \(keepsGradients)")
      if keepsGradients || optimizer != .sgd {
        #expect(fused.gradients == measured.gradients, "batch \(count) keeps \(keepsGradients)")
      }
    }
  }
}
