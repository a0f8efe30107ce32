/// The two phases of an update (`Network.regularizeGradients`, `Network.applyUpdate`) in one sweep over
/// a run of weights, for steps that neither clip nor measure: chunk by chunk (small enough to stay in
/// the L1 cache), the L1/L2 terms are added to the gradient, the sums the step reports are taken, and
/// the optimizer updates the chunk. The updated parameters are exactly those of the two phases.
enum FusedUpdateKernel {
  /// Floats per chunk: weights, gradients and moments of a chunk fit in L1 together.
  static let chunk = 1024

  /// Regularizes and updates `count` weights; returns sum W^2 and sum |W| (before the update, each
  /// only when its coefficient is positive) and sum g^2 of the regularized gradient.
  static func regularizeAndUpdate<Scalar: EngineScalar>(
    _ c: UpdateCoefficients<Scalar>, weights w: UnsafeMutablePointer<Scalar>, gradients g: UnsafeMutablePointer<Scalar>,
    firstMoment m: UnsafeMutablePointer<Scalar>, secondMoment v: UnsafeMutablePointer<Scalar>, count: Int,
    l1: Scalar, l2: Scalar
  ) -> (squaredWeights: Double, absoluteWeights: Double, gradientSquared: Double) {
    var squaredWeights = 0.0
    var absoluteWeights = 0.0
    var gradientSquared = 0.0
    var start = 0
    if c.kind == .sgd && Scalar.self == Float.self {
      // Float only: generic SIMD code is not vectorized. The cast is the identity here.
      let sums = sgdVectors(
        unsafeBitCast(c, to: UpdateCoefficients<Float>.self),
        weights: UnsafeMutableRawPointer(w).assumingMemoryBound(to: Float.self),
        gradients: UnsafeMutableRawPointer(g).assumingMemoryBound(to: Float.self), count: count,
        l1: Float(l1), l2: Float(l2))
      (squaredWeights, absoluteWeights, gradientSquared) = sums
      start = count / FloatVector.scalarCount * FloatVector.scalarCount
    }
    while start < count {
      let n = min(chunk, count - start)
      if l2 > 0 { squaredWeights += Double(VectorReductions.sumOfSquares(w + start, count: n)) }
      if l1 > 0 { absoluteWeights += Double(VectorReductions.sumOfMagnitudes(w + start, count: n)) }
      if l1 > 0 || l2 > 0 {
        VectorReductions.addPenaltyGradient(weights: w + start, gradient: g + start, count: n, l1: l1, l2: l2)
      }
      gradientSquared += Double(VectorReductions.sumOfSquares(g + start, count: n))
      _ = OptimizerKernel.update(
        c, parameters: w + start, gradients: g + start, firstMoment: m + start, secondMoment: v + start, count: n,
        measure: false)
      start += n
    }
    return (squaredWeights, absoluteWeights, gradientSquared)
  }

  /// Plain SGD on `Float` over the whole vectors in `count` (the rest is left to the caller), in one
  /// loop: g <- g + l2 w + l1 sign(w), w <- w - lr g, with the sums of `regularizeAndUpdate` in lanes.
  private static func sgdVectors(
    _ c: UpdateCoefficients<Float>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
    count: Int, l1: Float, l2: Float
  ) -> (squaredWeights: Double, absoluteWeights: Double, gradientSquared: Double) {
    // Two copies of the loop: without L1 (the common case) the sign and |w| are not computed.
    if l1 > 0 {
      return sgdVectors(c, weights: w, gradients: g, count: count, l1: l1, l2: l2, usesL1: true)
    }
    return sgdVectors(c, weights: w, gradients: g, count: count, l1: 0, l2: l2, usesL1: false)
  }

  @inline(__always)
  private static func sgdVectors(
    _ c: UpdateCoefficients<Float>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
    count: Int, l1: Float, l2: Float, usesL1: Bool
  ) -> (squaredWeights: Double, absoluteWeights: Double, gradientSquared: Double) {
    var squares = FloatVector()
    var magnitudes = FloatVector()
    var gradientSquares = FloatVector()
    let step = -c.learningRate
    let scale = c.gradientScale
    var i = 0
    while i + FloatVector.scalarCount <= count {
      let weight = FloatVector(loading: w + i)
      squares += weight * weight
      var gradient = FloatVector(loading: g + i) + l2 * weight
      if usesL1 {
        magnitudes += FloatVector(bitPatterns: weight.bitPatterns & 0x7FFF_FFFF)
        let sign = FloatVector().replacing(with: 1, where: weight .> 0).replacing(with: -1, where: weight .< 0)
        gradient += l1 * sign
      }
      gradientSquares += gradient * gradient
      gradient.store(to: g + i)
      (weight + step * (gradient * scale)).store(to: w + i)
      i += FloatVector.scalarCount
    }
    return (
      l2 > 0 ? Double(squares.sum()) : 0, usesL1 ? Double(magnitudes.sum()) : 0, Double(gradientSquares.sum())
    )
  }
}
