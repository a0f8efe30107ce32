import DamKernelTable

extension Network {
  /// Whether this step applies plain SGD inside the backward pass (`backward(..., update:)`): Float, the
  /// `sgd` optimizer, no clipping (it needs the global norm before any update) and no per-layer metrics
  /// (they need the data gradient). The result is the same as backward then `regularizeAndUpdate`.
  func fusesUpdate(measure: Bool) -> Bool {
    Scalar.self == Float.self && hyperparameters.optimizer == .sgd && hyperparameters.clipNorm == nil && !measure
  }

  /// dP of dense layer `layer` (`backward`'s weight-gradient product) with the SGD update of its weights
  /// fused into it (`KernelTable.multiplyUpdatingWeights`), then the update of its biases; returns the layer's
  /// `UpdateSums` (weights and biases in `gradientSquares`). Float only (`fusesUpdate`).
  func weightGradientUpdatingWeights(
    _ layer: Int, input: UnsafePointer<Scalar>, delta: UnsafePointer<Scalar>, rows: Int,
    storage s: NetworkStorage<Scalar>, coefficients: UpdateCoefficients<Scalar>
  ) -> UpdateSums {
    let layout = s.layout
    let c = unsafeBitCast(coefficients, to: UpdateCoefficients<Float>.self)
    let offset = layout.weightOffset[layer]
    @inline(__always) func floats(_ pointer: UnsafePointer<Scalar>) -> UnsafePointer<Float> {
      UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
    }
    @inline(__always) func floats(_ pointer: UnsafeMutablePointer<Scalar>) -> UnsafeMutablePointer<Float> {
      UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
    }
    // dP [in x out] = X^T [in x rows] * dZ [rows x out], in column panels like P
    let sums = KernelTable.fastest.multiplyUpdatingWeights(
      transposeA: true, transposeB: false, m: layout.fanIn[layer], n: layout.fanOut[layer], k: rows,
      a: floats(input), lda: layout.fanIn[layer], b: floats(delta), ldb: layout.fanOut[layer], bPanels: false,
      c: floats(s.gradients + offset), ldc: layout.fanOut[layer],
      cPanels: ParameterLayout.weightStorage == .columnPanels, weights: floats(s.parameters + offset),
      keepsGradients: keepsGradients, step: -c.learningRate, scale: c.gradientScale,
      l1: Float(hyperparameters.l1), l2: Float(hyperparameters.l2), scratch: s.kernelScratch(workers: workers))
    updateBiases(layer, storage: s, coefficients: coefficients)
    let biasSquares = VectorReductions.sumOfSquares(
      s.gradients + layout.biasOffset[layer], count: layout.unregularizedCount(layer))
    return UpdateSums(
      weightSquares: sums.weightSquares, weightMagnitudes: sums.weightMagnitudes, dataGradientSquares: 0,
      gradientSquares: sums.gradientSquares + Double(biasSquares), changeSquares: 0)
  }
}
