extension Network {
  /// Batch-normalizes hidden layer `layer`'s Z [rows x out] in place into gamma x^ (see `BatchNormKernel`),
  /// keeping x^ and the statistics used in the workspace for the backward pass.
  func normalize(
    _ layer: Int, values z: UnsafeMutablePointer<Scalar>, rows: Int, storage s: NetworkStorage<Scalar>,
    batchStatistics: Bool
  ) {
    let layout = s.layout
    let w = s.workspaceLayout
    let width = layout.fanOut[layer]
    let scale = UnsafePointer(s.parameters + layout.scaleOffset[layer])
    let statistics = s.workspace + w.unitStatistics[layer]
    if batchStatistics {
      BatchNormKernel.forwardWithBatchStatistics(
        values: z, rows: rows, columns: width, scale: scale, normalized: s.workspace + w.normalized[layer],
        statistics: statistics)
    } else {
      let runningMean = s.runningStatistics + layout.runningMeanOffset[layer]
      BatchNormKernel.forwardWithRunningStatistics(
        values: z, rows: rows, columns: width, bias: s.parameters + layout.biasOffset[layer], scale: scale,
        runningMean: runningMean, runningVariance: runningMean + width, normalized: s.workspace + w.normalized[layer],
        inverseDeviation: statistics + 2 * width)
    }
  }

  /// Turns dL/dY of hidden layer `layer` [rows x out] into dL/dZ in place and writes dL/dgamma and dL/dbeta.
  func normalizationBackward(
    _ layer: Int, gradient: UnsafeMutablePointer<Scalar>, rows: Int, storage s: NetworkStorage<Scalar>, mode: PassMode
  ) {
    let layout = s.layout
    let w = s.workspaceLayout
    let width = layout.fanOut[layer]
    let scaleGradient = s.gradients + layout.scaleOffset[layer]
    BatchNormKernel.backward(
      gradient: gradient, rows: rows, columns: width, normalized: s.workspace + w.normalized[layer],
      inverseDeviation: s.workspace + w.unitStatistics[layer] + 2 * width,
      scale: s.parameters + layout.scaleOffset[layer], scaleGradient: scaleGradient,
      shiftGradient: scaleGradient + width, batchStatistics: mode.batchStatistics)
  }

  /// After a training forward pass of `rows` samples, moves every batch-normalized layer's running
  /// statistics toward the batch's (momentum 0.1, unbiased variance).
  func updateRunningStatistics(rows: Int, storage s: NetworkStorage<Scalar>) {
    let layout = s.layout
    for layer in 0..<layout.scaleOffset.count {
      let width = layout.fanOut[layer]
      let runningMean = s.runningStatistics + layout.runningMeanOffset[layer]
      BatchNormKernel.updateRunningStatistics(
        statistics: s.workspace + s.workspaceLayout.unitStatistics[layer], rows: rows, columns: width,
        bias: s.parameters + layout.biasOffset[layer], runningMean: runningMean, runningVariance: runningMean + width)
    }
  }

  /// Sets gamma to 1, beta to 0, running means to 0 and running variances to 1 (PyTorch's initial values).
  func resetNormalization(storage s: NetworkStorage<Scalar>) {
    let layout = s.layout
    for layer in 0..<layout.scaleOffset.count {
      let width = layout.fanOut[layer]
      (s.parameters + layout.scaleOffset[layer]).update(repeating: 1, count: width)
      (s.parameters + layout.scaleOffset[layer] + width).update(repeating: 0, count: width)
      let runningMean = s.runningStatistics + layout.runningMeanOffset[layer]
      runningMean.update(repeating: 0, count: width)
      (runningMean + width).update(repeating: 1, count: width)
    }
  }
}
