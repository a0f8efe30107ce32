extension Network {
  /// Phase 1 of an update, over the gradient block the backward pass wrote: adds l2 W + l1 sign(W)
  /// (sign(0) = 0) to the weights' gradients (biases, gamma and beta keep the data gradient), and returns
  /// the regularization loss (l2/2) sum W^2 + l1 sum |W| and the squared global norm of the full gradient
  /// (every parameter). When `measure`, records each layer's ||dL/dW|| (data part) and ||W||.
  mutating func regularizeGradients(storage s: NetworkStorage<Scalar>, measure: Bool) -> (
    loss: Double, gradientNormSquared: Double
  ) {
    let coefficients = UpdateCoefficients<Scalar>(
      hyperparameters, learningRate: 0, gradientScale: 1, optimizerStep: optimizerStep)
    return sweep(storage: s, coefficients: coefficients, measure: measure, updates: false)
  }

  /// Phase 2: one optimizer update of every parameter from the gradient block, scaled by `gradientScale`
  /// (clipping), at learning rate `learningRate`. When `measure`, records each layer's update ratio
  /// ||W_after - W_before|| / ||W_before|| (needs the weight norms from phase 1).
  mutating func applyUpdate(
    storage s: NetworkStorage<Scalar>, learningRate: Double, gradientScale: Double, measure: Bool
  ) {
    optimizerStep += 1
    let coefficients = UpdateCoefficients<Scalar>(
      hyperparameters, learningRate: learningRate, gradientScale: gradientScale, optimizerStep: optimizerStep)
    let layout = s.layout
    for layer in 0..<layout.layerCount {
      let offset = layout.weightOffset[layer]
      let count = layout.weightCount(layer)
      var start = 0
      var change = 0.0
      if coefficients.kind == .sgd && Scalar.self == Float.self {
        // Float only: generic SIMD code is not vectorized. The casts are the identity here.
        change = FloatUpdateVectors.sgdStep(
          unsafeBitCast(coefficients, to: UpdateCoefficients<Float>.self),
          weights: UnsafeMutableRawPointer(s.parameters + offset).assumingMemoryBound(to: Float.self),
          gradients: UnsafeRawPointer(s.gradients + offset).assumingMemoryBound(to: Float.self), count: count)
        start = count / FloatVector.scalarCount * FloatVector.scalarCount
      }
      change += OptimizerKernel.update(
        coefficients, parameters: s.parameters + offset + start, gradients: s.gradients + offset + start,
        firstMoment: s.firstMoment + offset + start, secondMoment: s.secondMoment + offset + start,
        count: count - start, measure: measure)
      updateBiases(layer, storage: s, coefficients: coefficients)
      if measure {
        let norm = layerMetrics[layer].weightNorm
        layerMetrics[layer].updateRatio = norm > 0 ? change.squareRoot() / norm : 0
      }
    }
  }

  /// Both phases in one sweep (`FusedUpdateKernel`), for steps without clipping: the same update as
  /// `regularizeGradients` then `applyUpdate` with scale 1, and the same loss, squared gradient norm and
  /// (when `measure`) per-layer metrics up to the order of summation.
  mutating func regularizeAndUpdate(storage s: NetworkStorage<Scalar>, learningRate: Double, measure: Bool = false)
    -> (loss: Double, gradientNormSquared: Double)
  {
    optimizerStep += 1
    let coefficients = UpdateCoefficients<Scalar>(
      hyperparameters, learningRate: learningRate, gradientScale: 1, optimizerStep: optimizerStep)
    return sweep(storage: s, coefficients: coefficients, measure: measure, updates: true)
  }

  /// One `FusedUpdateKernel` sweep over every layer's weights (updating them when `updates`), the
  /// gradient norm of the biases, gammas and betas (updated too when `updates`), and, when `measure`, the layer metrics
  /// the sweep's sums give: ||dL/dW||, ||W|| and (when `updates`) the update ratio.
  private mutating func sweep(
    storage s: NetworkStorage<Scalar>, coefficients: UpdateCoefficients<Scalar>, measure: Bool, updates: Bool
  ) -> (loss: Double, gradientNormSquared: Double) {
    let layout = s.layout
    let l1 = Scalar(hyperparameters.l1)
    let l2 = Scalar(hyperparameters.l2)
    var total = UpdateSums()
    for layer in 0..<layout.layerCount {
      let offset = layout.weightOffset[layer]
      let sums = FusedUpdateKernel.regularizeAndUpdate(
        coefficients, weights: s.parameters + offset, gradients: s.gradients + offset,
        firstMoment: s.firstMoment + offset, secondMoment: s.secondMoment + offset,
        count: layout.weightCount(layer), l1: l1, l2: l2, measures: measure, updates: updates)
      total += sums
      let biasOffset = layout.biasOffset[layer]
      total.gradientSquares += Double(
        VectorReductions.sumOfSquares(s.gradients + biasOffset, count: layout.unregularizedCount(layer)))
      if updates { updateBiases(layer, storage: s, coefficients: coefficients) }
      if measure {
        let norm = sums.weightSquares.squareRoot()
        layerMetrics[layer].gradientNorm = sums.dataGradientSquares.squareRoot()
        layerMetrics[layer].weightNorm = norm
        if updates { layerMetrics[layer].updateRatio = norm > 0 ? sums.changeSquares.squareRoot() / norm : 0 }
      }
    }
    return regularizationTotals(total)
  }

  /// The regularization loss (l2/2) sum W^2 + l1 sum |W| and the squared gradient norm of a sweep's sums.
  func regularizationTotals(_ total: UpdateSums) -> (loss: Double, gradientNormSquared: Double) {
    let squared = hyperparameters.l2 > 0 ? total.weightSquares : 0
    let absolute = hyperparameters.l1 > 0 ? total.weightMagnitudes : 0
    return (hyperparameters.l2 / 2 * squared + hyperparameters.l1 * absolute, total.gradientSquares)
  }

  /// The optimizer update of layer `layer`'s biases (and batch normalization's gamma and beta, which
  /// follow them).
  func updateBiases(_ layer: Int, storage s: NetworkStorage<Scalar>, coefficients: UpdateCoefficients<Scalar>) {
    let biasOffset = s.layout.biasOffset[layer]
    _ = OptimizerKernel.update(
      coefficients, parameters: s.parameters + biasOffset, gradients: s.gradients + biasOffset,
      firstMoment: s.firstMoment + biasOffset, secondMoment: s.secondMoment + biasOffset,
      count: s.layout.unregularizedCount(layer), measure: false)
  }

  /// The regularization loss (l2/2) sum ||W||^2 + l1 sum |W| of the current weights.
  @_specialize(exported:true,where Scalar == Float)
  public func regularizationLoss() -> Double {
    let layout = storage.layout
    var squared = 0.0
    var absolute = 0.0
    for layer in 0..<layout.layerCount {
      let weights = storage.parameters + layout.weightOffset[layer]
      squared += Double(VectorReductions.sumOfSquares(weights, count: layout.weightCount(layer)))
      absolute += Double(VectorReductions.sumOfMagnitudes(weights, count: layout.weightCount(layer)))
    }
    return hyperparameters.l2 / 2 * squared + hyperparameters.l1 * absolute
  }
}
