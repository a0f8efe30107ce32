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
        var dataSquared = 0.0
        var weightSquared = 0.0
        for i in 0..<count {
          dataSquared += Double(gradient[i] * gradient[i])
          weightSquared += Double(weights[i] * weights[i])
        }
        layerMetrics[layer].gradientNorm = dataSquared.squareRoot()
        layerMetrics[layer].weightNorm = weightSquared.squareRoot()
      }
      if regularizes {
        for i in 0..<count {
          let w = weights[i]
          let sign: Scalar = w > 0 ? 1 : (w < 0 ? -1 : 0)
          gradient[i] = gradient[i] + l2 * w + l1 * sign
          squaredWeights += Double(w * w)
          absoluteWeights += Double(abs(w))
        }
      }
      normSquared += Self.sumOfSquares(gradient, count: count)
      normSquared += Self.sumOfSquares(s.gradients + layout.biasOffset[layer], count: layout.fanOut[layer])
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

  /// The regularization loss (l2/2) sum ||W||^2 + l1 sum |W| of the current weights.
  public func regularizationLoss() -> Double {
    let layout = storage.layout
    var squared = 0.0
    var absolute = 0.0
    for layer in 0..<layout.layerCount {
      let weights = storage.parameters + layout.weightOffset[layer]
      for i in 0..<layout.weightCount(layer) {
        squared += Double(weights[i] * weights[i])
        absolute += Double(abs(weights[i]))
      }
    }
    return hyperparameters.l2 / 2 * squared + hyperparameters.l1 * absolute
  }

  static func sumOfSquares(_ values: UnsafePointer<Scalar>, count: Int) -> Double {
    var sum: Scalar = 0
    for i in 0..<count { sum += values[i] * values[i] }
    return Double(sum)
  }
}
