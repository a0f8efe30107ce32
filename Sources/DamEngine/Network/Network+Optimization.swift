extension Network {
  /// Phase 1 of an update, over the gradient block the backward pass wrote: adds l2 W + l1 sign(W)
  /// (sign(0) = 0) to the weights' gradients (biases keep the data gradient), and returns the
  /// regularization loss (l2/2) sum W^2 + l1 sum |W| and the squared global norm of the full gradient
  /// (weights and biases). When `measure`, records each layer's ||dL/dW|| (data part) and ||W||.
  mutating func regularizeGradients(storage s: NetworkStorage<Scalar>, measure: Bool) -> (
    loss: Double, gradientNormSquared: Double
  ) {
    let layout = s.layout
    let l1 = Scalar(hyperparameters.l1)
    let l2 = Scalar(hyperparameters.l2)
    let regularizes = hyperparameters.l1 > 0 || hyperparameters.l2 > 0
    var squaredWeights = 0.0
    var absoluteWeights = 0.0
    var normSquared = 0.0
    for layer in 0..<layout.layerCount {
      let weights = s.parameters + layout.weightOffset[layer]
      let gradient = s.gradients + layout.weightOffset[layer]
      let count = layout.weightCount(layer)
      if measure {
        layerMetrics[layer].gradientNorm = Double(VectorReductions.sumOfSquares(gradient, count: count)).squareRoot()
        layerMetrics[layer].weightNorm = Double(VectorReductions.sumOfSquares(weights, count: count)).squareRoot()
      }
      if regularizes {
        if l2 > 0 { squaredWeights += Double(VectorReductions.sumOfSquares(weights, count: count)) }
        if l1 > 0 { absoluteWeights += Double(VectorReductions.sumOfMagnitudes(weights, count: count)) }
        VectorReductions.addPenaltyGradient(weights: weights, gradient: gradient, count: count, l1: l1, l2: l2)
      }
      normSquared += Double(VectorReductions.sumOfSquares(gradient, count: count))
      normSquared += Double(
        VectorReductions.sumOfSquares(s.gradients + layout.biasOffset[layer], count: layout.fanOut[layer]))
    }
    let loss = hyperparameters.l2 / 2 * squaredWeights + hyperparameters.l1 * absoluteWeights
    return (loss, normSquared)
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
      let change = OptimizerKernel.update(
        coefficients, parameters: s.parameters + offset, gradients: s.gradients + offset,
        firstMoment: s.firstMoment + offset, secondMoment: s.secondMoment + offset,
        count: layout.weightCount(layer), measure: measure)
      let biasOffset = layout.biasOffset[layer]
      _ = OptimizerKernel.update(
        coefficients, parameters: s.parameters + biasOffset, gradients: s.gradients + biasOffset,
        firstMoment: s.firstMoment + biasOffset, secondMoment: s.secondMoment + biasOffset,
        count: layout.fanOut[layer], measure: false)
      if measure {
        let norm = layerMetrics[layer].weightNorm
        layerMetrics[layer].updateRatio = norm > 0 ? change.squareRoot() / norm : 0
      }
    }
  }

  /// Both phases in one sweep (`FusedUpdateKernel`), for steps without clipping and without metrics:
  /// the same update as `regularizeGradients` then `applyUpdate` with scale 1, and the same loss and
  /// squared gradient norm up to the order of summation.
  mutating func regularizeAndUpdate(storage s: NetworkStorage<Scalar>, learningRate: Double) -> (
    loss: Double, gradientNormSquared: Double
  ) {
    optimizerStep += 1
    let coefficients = UpdateCoefficients<Scalar>(
      hyperparameters, learningRate: learningRate, gradientScale: 1, optimizerStep: optimizerStep)
    let layout = s.layout
    let l1 = Scalar(hyperparameters.l1)
    let l2 = Scalar(hyperparameters.l2)
    var squaredWeights = 0.0
    var absoluteWeights = 0.0
    var normSquared = 0.0
    for layer in 0..<layout.layerCount {
      let offset = layout.weightOffset[layer]
      let sums = FusedUpdateKernel.regularizeAndUpdate(
        coefficients, weights: s.parameters + offset, gradients: s.gradients + offset,
        firstMoment: s.firstMoment + offset, secondMoment: s.secondMoment + offset,
        count: layout.weightCount(layer), l1: l1, l2: l2)
      squaredWeights += sums.squaredWeights
      absoluteWeights += sums.absoluteWeights
      normSquared += sums.gradientSquared
      let biasOffset = layout.biasOffset[layer]
      normSquared += Double(VectorReductions.sumOfSquares(s.gradients + biasOffset, count: layout.fanOut[layer]))
      _ = OptimizerKernel.update(
        coefficients, parameters: s.parameters + biasOffset, gradients: s.gradients + biasOffset,
        firstMoment: s.firstMoment + biasOffset, secondMoment: s.secondMoment + biasOffset,
        count: layout.fanOut[layer], measure: false)
    }
    return (hyperparameters.l2 / 2 * squaredWeights + hyperparameters.l1 * absoluteWeights, normSquared)
  }

  /// The regularization loss (l2/2) sum ||W||^2 + l1 sum |W| of the current weights.
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
