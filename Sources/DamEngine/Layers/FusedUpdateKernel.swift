/// The sums one sweep over a run of weights takes on the way (`FusedUpdateKernel`), each over the
/// values before the update.
struct UpdateSums {
  /// sum W^2 (for the L2 loss and ||W||).
  var weightSquares = 0.0
  /// sum |W| (for the L1 loss); taken only when l1 > 0.
  var weightMagnitudes = 0.0
  /// sum g^2 of the data gradient, before the L1/L2 terms; taken only when measuring.
  var dataGradientSquares = 0.0
  /// sum g^2 of the regularized gradient.
  var gradientSquares = 0.0
  /// sum (W_after - W_before)^2; taken only when measuring and updating.
  var changeSquares = 0.0

  static func += (total: inout UpdateSums, part: UpdateSums) {
    total.weightSquares += part.weightSquares
    total.weightMagnitudes += part.weightMagnitudes
    total.dataGradientSquares += part.dataGradientSquares
    total.gradientSquares += part.gradientSquares
    total.changeSquares += part.changeSquares
  }
}

/// The two phases of an update (`Network.regularizeGradients`, `Network.applyUpdate`) in one sweep over
/// a run of weights, for steps that do not clip: chunk by chunk (small enough to stay in the L1 cache),
/// the L1/L2 terms are added to the gradient, the sums the step reports (and, when measuring, those the
/// per-layer metrics need) are taken, and the optimizer updates the chunk. The updated parameters are
/// exactly those of the two phases, measuring or not.
enum FusedUpdateKernel {
  /// Floats per chunk: weights, gradients and moments of a chunk fit in L1 together.
  static let chunk = 1024

  /// Regularizes `count` weights and, when `updates`, applies the optimizer to them; returns the
  /// `UpdateSums` (weightSquares only when l2 > 0 or `measures`).
  static func regularizeAndUpdate<Scalar: EngineScalar>(
    _ c: UpdateCoefficients<Scalar>, weights w: UnsafeMutablePointer<Scalar>, gradients g: UnsafeMutablePointer<Scalar>,
    firstMoment m: UnsafeMutablePointer<Scalar>, secondMoment v: UnsafeMutablePointer<Scalar>, count: Int,
    l1: Scalar, l2: Scalar, measures: Bool, updates: Bool = true
  ) -> UpdateSums {
    var sums = UpdateSums()
    var start = 0
    if (c.kind == .sgd || !updates) && Scalar.self == Float.self {
      // Float only: generic SIMD code is not vectorized. The cast is the identity here.
      sums = FloatUpdateVectors.sgd(
        unsafeBitCast(c, to: UpdateCoefficients<Float>.self),
        weights: UnsafeMutableRawPointer(w).assumingMemoryBound(to: Float.self),
        gradients: UnsafeMutableRawPointer(g).assumingMemoryBound(to: Float.self), count: count,
        l1: Float(l1), l2: Float(l2), measures: measures, updates: updates)
      start = count
    }
    while start < count {
      let n = min(chunk, count - start)
      if measures { sums.dataGradientSquares += Double(VectorReductions.sumOfSquares(g + start, count: n)) }
      if l2 > 0 || measures { sums.weightSquares += Double(VectorReductions.sumOfSquares(w + start, count: n)) }
      if l1 > 0 { sums.weightMagnitudes += Double(VectorReductions.sumOfMagnitudes(w + start, count: n)) }
      if l1 > 0 || l2 > 0 {
        VectorReductions.addPenaltyGradient(weights: w + start, gradient: g + start, count: n, l1: l1, l2: l2)
      }
      sums.gradientSquares += Double(VectorReductions.sumOfSquares(g + start, count: n))
      if updates {
        sums.changeSquares += OptimizerKernel.update(
          c, parameters: w + start, gradients: g + start, firstMoment: m + start, secondMoment: v + start, count: n,
          measure: measures)
      }
      start += n
    }
    return sums
  }
}
