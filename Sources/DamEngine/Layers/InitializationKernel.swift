/// Draws a weight matrix W [fanOut x fanIn] row-major from an `Initializer` (see its formulas).
///
/// Samples are drawn in `Double` from the generator and rounded to the scalar, so `Float` and
/// `Double` networks with the same seed start from the same weights (up to rounding).
enum InitializationKernel {
  static func fill<Scalar: EngineScalar>(
    _ weights: UnsafeMutablePointer<Scalar>, fanIn: Int, fanOut: Int, initializer: Initializer,
    generator: inout SeededGenerator
  ) {
    let count = fanIn * fanOut
    let gain = initializer.gain
    switch initializer.kind {
    case .zeros:
      weights.update(repeating: 0, count: count)
    case .constant:
      weights.update(repeating: Scalar(initializer.value), count: count)
    case .normal:
      fillNormal(weights, count: count, sigma: gain * initializer.value, generator: &generator)
    case .uniform:
      fillUniform(weights, count: count, bound: gain * initializer.value, generator: &generator)
    case .xavierUniform:
      fillUniform(
        weights, count: count, bound: gain * (6 / Double(fanIn + fanOut)).squareRoot(), generator: &generator)
    case .xavierNormal:
      fillNormal(weights, count: count, sigma: gain * (2 / Double(fanIn + fanOut)).squareRoot(), generator: &generator)
    case .heNormal:
      fillNormal(weights, count: count, sigma: gain * (2 / Double(fanIn)).squareRoot(), generator: &generator)
    case .heUniform:
      fillUniform(weights, count: count, bound: gain * (6 / Double(fanIn)).squareRoot(), generator: &generator)
    case .lecunNormal:
      fillNormal(weights, count: count, sigma: gain * (1 / Double(fanIn)).squareRoot(), generator: &generator)
    }
  }

  private static func fillNormal<Scalar: EngineScalar>(
    _ weights: UnsafeMutablePointer<Scalar>, count: Int, sigma: Double, generator: inout SeededGenerator
  ) {
    for i in 0..<count { weights[i] = Scalar(sigma * generator.nextGaussian()) }
  }

  private static func fillUniform<Scalar: EngineScalar>(
    _ weights: UnsafeMutablePointer<Scalar>, count: Int, bound: Double, generator: inout SeededGenerator
  ) {
    for i in 0..<count { weights[i] = Scalar(generator.nextUniform(-bound, bound)) }
  }
}
