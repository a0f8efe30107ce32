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
    if c.kind == .sgd {
      let sums = sgdVectors(c, weights: w, gradients: g, count: count, l1: l1, l2: l2)
      (squaredWeights, absoluteWeights, gradientSquared) = sums
      start = count / 8 * 8
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

  /// Plain SGD over the whole vectors of 8 in `count` (the rest is left to the caller), in one loop:
  /// g <- g + l2 w + l1 sign(w), w <- w - lr g, with the sums of `regularizeAndUpdate` in 8 lanes.
  private static func sgdVectors<Scalar: EngineScalar>(
    _ c: UpdateCoefficients<Scalar>, weights w: UnsafeMutablePointer<Scalar>, gradients g: UnsafeMutablePointer<Scalar>,
    count: Int, l1: Scalar, l2: Scalar
  ) -> (squaredWeights: Double, absoluteWeights: Double, gradientSquared: Double) {
    typealias Vector = SIMD8<Scalar>
    var squares = Vector()
    var magnitudes = Vector()
    var gradientSquares = Vector()
    let step = -c.learningRate
    let scale = c.gradientScale
    var i = 0
    while i + 8 <= count {
      let weight = UnsafeRawPointer(w + i).loadUnaligned(as: Vector.self)
      var gradient = UnsafeRawPointer(g + i).loadUnaligned(as: Vector.self)
      squares += weight * weight
      magnitudes += weight.replacing(with: -weight, where: weight .< 0)
      let sign = Vector().replacing(with: 1, where: weight .> 0).replacing(with: -1, where: weight .< 0)
      gradient = gradient + l2 * weight + l1 * sign
      gradientSquares += gradient * gradient
      UnsafeMutableRawPointer(g + i).storeBytes(of: gradient, as: Vector.self)
      UnsafeMutableRawPointer(w + i).storeBytes(of: weight + step * (gradient * scale), as: Vector.self)
      i += 8
    }
    return (
      l2 > 0 ? Double(squares.sum()) : 0, l1 > 0 ? Double(magnitudes.sum()) : 0, Double(gradientSquares.sum())
    )
  }
}
