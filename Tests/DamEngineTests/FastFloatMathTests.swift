import Testing

@testable import DamEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The vectorized float32 e^x, log(1 + x), sigmoid, tanh, elu and binary loss against double-precision libm.
struct FastFloatMathTests {
  /// The largest error of `fast` (applied eight inputs at a time) against `exact` over `inputs`, in units
  /// of `tolerance(exact)`.
  private func worstError(
    _ inputs: [Float], _ fast: (FloatVector) -> FloatVector, _ exact: (Double) -> Double,
    tolerance: (Double) -> Double
  ) -> Double {
    var worst = 0.0
    inputs.withUnsafeBufferPointer { x in
      for start in stride(from: 0, to: x.count, by: FloatVector.scalarCount) {
        let lanes = min(FloatVector.scalarCount, x.count - start)
        let y = fast(FloatVector(loading: x.baseAddress! + start, count: lanes))
        for lane in 0..<lanes {
          let reference = exact(Double(x[start + lane]))
          worst = max(worst, abs(Double(y[lane]) - reference) / tolerance(reference))
        }
      }
    }
    return worst
  }

  private let grid: [Float] = (0..<160_000).map { Float($0 - 80_000) * 0.000_25 }  // [-20, 20)

  @Test("e^x is within 3 ulp over the float range")
  func exponential() {
    let inputs: [Float] = (0..<175_000).map { Float($0 - 87_000) * 0.001 }  // [-87, 88)
    #expect(
      worstError(inputs, { FastFloatMath.exp($0) }, { Glibc.exp($0) }, tolerance: { 3 * Double(Float($0).ulp) }) <= 1)
    let extremes = [-1000, -87.3, 0, 88.3, 1000].map { FastFloatMath.exp($0) }
    #expect(extremes[0] > 0 && extremes[4].isFinite && extremes[2] == 1)
  }

  @Test("log(1 + x) is within 2 ulp on [0, 1]")
  func logOnePlus() {
    let inputs: [Float] = (0...100_000).map { Float($0) * 0.000_01 } + [1e-30, 1e-10, 1e-7, 0.414_213_5, 0.414_213_6]
    #expect(
      worstError(inputs, { FastFloatMath.log1p($0) }, { Glibc.log1p($0) }, tolerance: { 2 * Double(Float($0).ulp) })
        <= 1)
  }

  @Test("The binary head's vector loss matches the double-precision formula on a ragged batch")
  func binaryLoss() {
    let logits: [Float] = (0..<21).map { Float($0) * 1.7 - 17 } + [-90, 90, 0]
    let targets: [Float] = logits.indices.map { Float($0 % 3 == 0 ? 1 : 0) }
    var gradient = [Float](repeating: .nan, count: logits.count)
    let scale: Float = 0.25
    let (loss, correct) = FloatBinaryLossVectors.loss(
      logits: logits, targets: targets, rows: logits.count, gradient: &gradient, gradientScale: scale)
    var expectedLoss = 0.0
    var expectedCorrect = 0
    for (z, t) in zip(logits.map(Double.init), targets.map(Double.init)) {
      expectedLoss += max(z, 0) - z * t + Glibc.log1p(Glibc.exp(-abs(z)))
      if (z > 0) == (t >= 0.5) { expectedCorrect += 1 }
    }
    #expect(abs(loss - expectedLoss) <= 1e-6 * expectedLoss)
    #expect(correct == expectedCorrect)
    for (i, z) in logits.enumerated() {
      let expected = (1 / (1 + Glibc.exp(-Double(z))) - Double(targets[i])) * Double(scale)
      #expect(abs(Double(gradient[i]) - expected) <= 1e-7, "gradient of logit \(z)")
    }
  }

  @Test("sigmoid, tanh and elu are within 1e-6 relative or 1e-7 absolute")
  func activations() {
    let tolerance = { (y: Double) in max(1e-7, 1e-6 * abs(y)) }
    #expect(worstError(grid, { FastFloatMath.sigmoid($0) }, { 1 / (1 + Glibc.exp(-$0)) }, tolerance: tolerance) <= 1)
    #expect(worstError(grid, { FastFloatMath.tanh($0) }, { Glibc.tanh($0) }, tolerance: tolerance) <= 1)
    #expect(worstError(grid, { FastFloatMath.elu($0) }, { $0 > 0 ? $0 : Glibc.expm1($0) }, tolerance: tolerance) <= 1)
  }

  @Test("The batch activation handles rows whose width is not a multiple of 8")
  func ragged() {
    for columns in [1, 7, 8, 13] {
      var values: [Float] = (0..<(3 * columns)).map { Float($0) * 0.3 - 2 }
      let bias: [Float] = (0..<columns).map { Float($0) * 0.1 }
      let expected = values.indices.map { Float(Glibc.tanh(Double(values[$0] + bias[$0 % columns]))) }
      Float.addBiasAndActivate(.tanh, values: &values, bias: bias, rows: 3, columns: columns)
      #expect(maxDifference(values, expected) < 1e-6)
    }
  }
}
