import DamKernelTable
import Testing

@testable import DamEngine

/// The element-wise `Float` kernels on every kernel path this CPU runs give the portable build's bits.
struct FloatKernelPathTests {
  private static let paths = Gemm.Path.allCases.filter(\.isSupported)
  /// Row widths and lengths around the 8- and 16-lane vector sizes.
  private let lengths = [1, 7, 8, 13, 16, 17, 33]

  @Test("Activations and their derivatives equal the portable kernels' bits", arguments: paths)
  func activations(path: Gemm.Path) {
    for activation in [VectorActivation.sigmoid, .tanh, .relu, .leakyRelu, .elu, .linear] {
      for columns in lengths {
        let inputs: [Float] = TestData.inputs(count: 3, width: columns, seed: 1).map { 4 * $0 }
        let bias: [Float] = TestData.inputs(count: 1, width: columns, seed: 2)
        var fast = inputs
        var portable = inputs
        path.kernels.addBiasAndActivate(activation, values: &fast, bias: bias, rows: 3, columns: columns)
        Gemm.Path.portable.kernels.addBiasAndActivate(
          activation, values: &portable, bias: bias, rows: 3, columns: columns)
        #expect(fast == portable, "\(activation) forward, \(columns) columns")
        let gradient: [Float] = TestData.inputs(count: 3, width: columns, seed: 3)
        var fastGradient = gradient
        var portableGradient = gradient
        path.kernels.activationBackward(
          activation, gradient: &fastGradient, output: portable, count: 3 * columns)
        Gemm.Path.portable.kernels.activationBackward(
          activation, gradient: &portableGradient, output: portable, count: 3 * columns)
        #expect(fastGradient == portableGradient, "\(activation) backward, \(columns) columns")
      }
    }
  }

  @Test("Dropout draws the portable kernel's masks and scales gradients by them", arguments: paths)
  func dropout(path: Gemm.Path) {
    for count in lengths {
      let values: [Float] = TestData.inputs(count: count, width: 1, seed: 4)
      var mask = [Float](repeating: 0, count: count)
      var dropped = mask
      var portableMask = mask
      var portableDropped = mask
      path.kernels.dropout(
        values: values, mask: &mask, dropped: &dropped, count: count, key: 0x1234_5678_9ABC_DEF0,
        largestKept: 0x8000_0000, scale: 2)
      Gemm.Path.portable.kernels.dropout(
        values: values, mask: &portableMask, dropped: &portableDropped, count: count, key: 0x1234_5678_9ABC_DEF0,
        largestKept: 0x8000_0000, scale: 2)
      #expect(mask == portableMask && dropped == portableDropped, "\(count) units")
      var gradient = values
      path.kernels.dropoutBackward(gradient: &gradient, mask: mask, count: count)
      #expect(gradient == dropped, "\(count) units")
    }
  }

  @Test("The SGD sweep updates weights and gradients to the portable kernel's bits", arguments: paths)
  func sgd(path: Gemm.Path) {
    for count in lengths {
      for (l1, measures, updates) in [(Float(0), false, true), (1e-3, true, true), (1e-3, true, false)] {
        var weights: [Float] = TestData.inputs(count: count, width: 1, seed: 5)
        var gradients: [Float] = TestData.inputs(count: count, width: 1, seed: 6)
        var portableWeights = weights
        var portableGradients = gradients
        let sums = path.kernels.sgd(
          weights: &weights, gradients: &gradients, count: count, step: -0.1, scale: 0.5, l1: l1, l2: 1e-2,
          measures: measures, updates: updates)
        let portableSums = Gemm.Path.portable.kernels.sgd(
          weights: &portableWeights, gradients: &portableGradients, count: count, step: -0.1, scale: 0.5, l1: l1,
          l2: 1e-2, measures: measures, updates: updates)
        #expect(weights == portableWeights && gradients == portableGradients, "\(count) weights")
        #expect(abs(sums.gradientSquares - portableSums.gradientSquares) <= 1e-6 * portableSums.gradientSquares)
        #expect(abs(sums.changeSquares - portableSums.changeSquares) <= 1e-6 * portableSums.changeSquares)
      }
    }
  }

  @Test("The SGD sweep covers the ragged end with the scalar kernels' arithmetic")
  func sgdRaggedEnd() {
    let count = 13
    var weights: [Float] = TestData.inputs(count: count, width: 1, seed: 7)
    var gradients: [Float] = TestData.inputs(count: count, width: 1, seed: 8)
    var referenceWeights = weights
    var referenceGradients = gradients
    _ = KernelTable.fastest.sgd(
      weights: &weights, gradients: &gradients, count: count, step: -0.1, scale: 0.5, l1: 1e-3, l2: 1e-2,
      measures: false, updates: true)
    VectorReductions.addPenaltyGradient(
      weights: referenceWeights, gradient: &referenceGradients, count: count, l1: 1e-3, l2: 1e-2)
    var h = Hyperparameters()
    h.optimizer = .sgd
    let c = UpdateCoefficients<Float>(h, learningRate: 0.1, gradientScale: 0.5, optimizerStep: 1)
    var firstMoment = [Float](repeating: 0, count: count)
    var secondMoment = firstMoment
    _ = OptimizerKernel.update(
      c, parameters: &referenceWeights, gradients: referenceGradients, firstMoment: &firstMoment,
      secondMoment: &secondMoment, count: count, measure: false)
    #expect(gradients == referenceGradients)
    #expect(weights == referenceWeights)
  }
}
