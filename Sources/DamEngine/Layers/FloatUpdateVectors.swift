import DamKernelTable

/// The `Float` loops of the update on `FloatVector`s.
enum FloatUpdateVectors {
  /// g <- g + l2 w + l1 sign(w) and, when `updates`, plain SGD w <- w - lr (g * scale), over all `count`
  /// weights in one loop (`KernelTable.sgd`, on the CPU's fastest kernel table); returns the `UpdateSums` of
  /// `FusedUpdateKernel.regularizeAndUpdate`.
  static func sgd(
    _ c: UpdateCoefficients<Float>, weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>,
    count: Int, l1: Float, l2: Float, measures: Bool, updates: Bool
  ) -> UpdateSums {
    let sums = KernelTable.fastest.sgd(
      weights: w, gradients: g, count: count, step: -c.learningRate, scale: c.gradientScale, l1: l1, l2: l2,
      measures: measures, updates: updates)
    return UpdateSums(
      weightSquares: sums.weightSquares, weightMagnitudes: sums.weightMagnitudes,
      dataGradientSquares: sums.dataGradientSquares, gradientSquares: sums.gradientSquares,
      changeSquares: sums.changeSquares)
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
}
