/// The `Float` loops of the update, on `FloatVector`s over the whole vectors of a run (the ragged end is
/// left to the caller), with every sum in lanes: the same arithmetic per weight as the scalar kernels,
/// so the updated parameters are bit-identical to theirs.
enum FloatUpdateVectors {
  /// g <- g + l2 w + l1 sign(w) and, when `updates`, plain SGD w <- w - lr (g * scale), in one loop;
  /// returns the `UpdateSums` of `FusedUpdateKernel.regularizeAndUpdate` for these vectors.
  static func sgd(
    _ c: UpdateCoefficients<Float>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
    count: Int, l1: Float, l2: Float, measures: Bool, updates: Bool
  ) -> UpdateSums {
    // One copy of the loop per case, so the loop body has no branches: without L1 (the common case)
    // the sign and |w| are not computed; without measuring, neither the data gradient's nor the
    // change's squares.
    switch (l1 > 0, measures, updates) {
    case (true, true, true):
      return sgd(c, w, g, count, l1: l1, l2: l2, usesL1: true, measures: true, updates: true)
    case (true, true, false):
      return sgd(c, w, g, count, l1: l1, l2: l2, usesL1: true, measures: true, updates: false)
    case (true, false, true):
      return sgd(c, w, g, count, l1: l1, l2: l2, usesL1: true, measures: false, updates: true)
    case (true, false, false):
      return sgd(c, w, g, count, l1: l1, l2: l2, usesL1: true, measures: false, updates: false)
    case (false, true, true):
      return sgd(c, w, g, count, l1: 0, l2: l2, usesL1: false, measures: true, updates: true)
    case (false, true, false):
      return sgd(c, w, g, count, l1: 0, l2: l2, usesL1: false, measures: true, updates: false)
    case (false, false, true):
      return sgd(c, w, g, count, l1: 0, l2: l2, usesL1: false, measures: false, updates: true)
    case (false, false, false):
      return sgd(c, w, g, count, l1: 0, l2: l2, usesL1: false, measures: false, updates: false)
    }
  }

  /// Plain SGD w <- w - lr (g * scale) over the whole vectors of `count`; returns sum (w_after - w_before)^2.
  static func sgdStep(
    _ c: UpdateCoefficients<Float>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
    count: Int
  ) -> Double {
    var changes = FloatVector()
    let step = -c.learningRate
    let scale = c.gradientScale
    var i = 0
    while i + FloatVector.scalarCount <= count {
      let weight = FloatVector(loading: w + i)
      let updated = weight + step * (FloatVector(loading: g + i) * scale)
      let change = updated - weight
      changes += change * change
      updated.store(to: w + i)
      i += FloatVector.scalarCount
    }
    return Double(changes.sum())
  }

  @inline(__always)
  private static func sgd(
    _ c: UpdateCoefficients<Float>, _ w: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ count: Int,
    l1: Float, l2: Float, usesL1: Bool, measures: Bool, updates: Bool
  ) -> UpdateSums {
    var squares = FloatVector()
    var magnitudes = FloatVector()
    var dataGradientSquares = FloatVector()
    var gradientSquares = FloatVector()
    var changes = FloatVector()
    let step = -c.learningRate
    let scale = c.gradientScale
    var i = 0
    while i + FloatVector.scalarCount <= count {
      let weight = FloatVector(loading: w + i)
      squares += weight * weight
      let dataGradient = FloatVector(loading: g + i)
      if measures { dataGradientSquares += dataGradient * dataGradient }
      var gradient = dataGradient + l2 * weight
      if usesL1 {
        magnitudes += FloatVector(bitPatterns: weight.bitPatterns & 0x7FFF_FFFF)
        let sign = FloatVector().replacing(with: 1, where: weight .> 0).replacing(with: -1, where: weight .< 0)
        gradient += l1 * sign
      }
      gradientSquares += gradient * gradient
      gradient.store(to: g + i)
      if updates {
        let updated = weight + step * (gradient * scale)
        if measures {
          let change = updated - weight
          changes += change * change
        }
        updated.store(to: w + i)
      }
      i += FloatVector.scalarCount
    }
    return UpdateSums(
      weightSquares: Double(squares.sum()), weightMagnitudes: usesL1 ? Double(magnitudes.sum()) : 0,
      dataGradientSquares: Double(dataGradientSquares.sum()), gradientSquares: Double(gradientSquares.sum()),
      changeSquares: Double(changes.sum()))
  }
}
