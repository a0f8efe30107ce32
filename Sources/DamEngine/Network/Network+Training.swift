extension Network {
  /// One training step on a batch: forward (training mode: dropout on, batch normalization with the
  /// batch's statistics, which then update the running ones), loss, backward, L1/L2 terms, optional
  /// clipping, one optimizer update at the schedule's learning rate; `step` advances by one.
  ///
  /// - Parameters:
  ///   - inputs: X [count x inputs], row-major.
  ///   - targets: T [count x targetWidth] (see `Network`).
  /// - Throws: `BatchError` for mismatched sizes or invalid targets; the network is then unchanged.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func trainStep(
    inputs: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, count: Int
  ) throws(BatchError) -> StepResult {
    try checkBatch(inputs: inputs, targets: targets, count: count)
    let s = uniqueStorage()
    s.reserve(batch: count)
    return train(inputs: inputs.baseAddress!, targets: targets.baseAddress!, rows: count, storage: s)
  }

  /// One training step on the samples `indices` of a sample set (gathered into the workspace first):
  /// `samples` [n x inputs], `targets` [n x targetWidth]. Otherwise as `trainStep(inputs:targets:count:)`.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func trainStep(
    samples: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, indices: UnsafeBufferPointer<Int>
  ) throws(BatchError) -> StepResult {
    let rows = indices.count
    try checkSampleSet(samples: samples, targets: targets, indices: indices)
    let s = uniqueStorage()
    s.reserve(batch: rows)
    let x = s.workspace + s.workspaceLayout.gatheredInputs
    let t = s.workspace + s.workspaceLayout.gatheredTargets
    gather(samples: samples, targets: targets, indices: indices, into: x, t, storage: s)
    try checkTargets(UnsafeBufferPointer(start: t, count: rows * s.targetWidth), rows: rows)
    return train(inputs: x, targets: t, rows: rows, storage: s)
  }

  /// Array convenience for `trainStep(inputs:targets:count:)`.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func trainStep(inputs: [Scalar], targets: [Scalar], count: Int) throws(BatchError) -> StepResult {
    let result = inputs.withUnsafeBufferPointer { x in
      targets.withUnsafeBufferPointer { t in
        Result { () throws(BatchError) in try trainStep(inputs: x, targets: t, count: count) }
      }
    }
    return try result.get()
  }

  /// The gradient of the objective J (data loss + L1/L2 terms) on a batch, left in `gradients`, without
  /// an update (`step` and the running statistics unchanged); returns J's two parts. Evaluation mode
  /// unless `dropout`, which draws masks as a training step would, and `batchStatistics`, which makes
  /// batch normalization use the batch's statistics as a training step does. The same code path as
  /// training, for gradient checks and reference comparisons.
  public mutating func computeGradients(
    inputs: [Scalar], targets: [Scalar], count: Int, dropout: Bool = false, batchStatistics: Bool = false
  ) throws(BatchError) -> (dataLoss: Double, regularizationLoss: Double) {
    let mode = PassMode(dropout: dropout, batchStatistics: batchStatistics)
    let result = inputs.withUnsafeBufferPointer { x in
      targets.withUnsafeBufferPointer { t in
        Result { () throws(BatchError) in
          try checkBatch(inputs: x, targets: t, count: count)
          let s = uniqueStorage()
          s.reserve(batch: count)
          let logits = forward(inputs: x.baseAddress!, rows: count, storage: s, mode: mode)
          let head = HeadKernels.loss(
            architecture.head, logits: logits, targets: t.baseAddress!, rows: count,
            gradient: s.workspace + s.workspaceLayout.deltaA, gradientScale: 1 / Scalar(count))
          backward(inputs: x.baseAddress!, rows: count, storage: s, mode: mode)
          let regularization = regularizeGradients(storage: s, measure: false)
          return (head.loss / Double(count), regularization.loss)
        }
      }
    }
    return try result.get()
  }

  private mutating func train(
    inputs x: UnsafePointer<Scalar>, targets t: UnsafePointer<Scalar>, rows: Int, storage s: NetworkStorage<Scalar>
  ) -> StepResult {
    let measure = metricsInterval > 0 && step % metricsInterval == 0
    let logits = forward(inputs: x, rows: rows, storage: s, mode: .training)
    if s.layout.batchNorm { updateRunningStatistics(rows: rows, storage: s) }
    let head = HeadKernels.loss(
      architecture.head, logits: logits, targets: t, rows: rows,
      gradient: s.workspace + s.workspaceLayout.deltaA, gradientScale: 1 / Scalar(rows))
    if measure { measureActivations(rows: rows, storage: s) }
    let learningRate = hyperparameters.learningRate(atStep: step)
    let regularization: (loss: Double, gradientNormSquared: Double)
    var gradientScale = 1.0
    if fusesUpdate(measure: measure) {
      optimizerStep += 1
      let coefficients = UpdateCoefficients<Scalar>(
        hyperparameters, learningRate: learningRate, gradientScale: 1, optimizerStep: optimizerStep)
      let sums = backward(inputs: x, rows: rows, storage: s, mode: .training, update: coefficients)
      regularization = regularizationTotals(sums)
    } else if measure || hyperparameters.clipNorm != nil {
      backward(inputs: x, rows: rows, storage: s, mode: .training)
      // Clipping needs the global norm before any update; metrics need per-layer norms: two sweeps.
      regularization = regularizeGradients(storage: s, measure: measure)
      let norm = regularization.gradientNormSquared.squareRoot()
      if let clipNorm = hyperparameters.clipNorm, norm.isFinite {
        gradientScale = min(1, clipNorm / (norm + 1e-6))
      }
      applyUpdate(storage: s, learningRate: learningRate, gradientScale: gradientScale, measure: measure)
    } else {
      backward(inputs: x, rows: rows, storage: s, mode: .training)
      regularization = regularizeAndUpdate(storage: s, learningRate: learningRate)
    }
    let gradientNorm = regularization.gradientNormSquared.squareRoot()
    step += 1
    let dataLoss = head.loss / Double(rows)
    return StepResult(
      step: step, dataLoss: dataLoss, regularizationLoss: regularization.loss,
      accuracy: architecture.head.classCount == nil ? nil : Double(head.correct) / Double(rows),
      gradientNorm: gradientNorm, clipped: gradientScale < 1, learningRate: learningRate,
      isFinite: dataLoss.isFinite && gradientNorm.isFinite && regularization.loss.isFinite,
      measuredLayers: measure)
  }

  private func gather(
    samples: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, indices: UnsafeBufferPointer<Int>,
    into x: UnsafeMutablePointer<Scalar>, _ t: UnsafeMutablePointer<Scalar>, storage s: NetworkStorage<Scalar>
  ) {
    let width = architecture.inputs
    let targetWidth = s.targetWidth
    for (row, index) in indices.enumerated() {
      (x + row * width).update(from: samples.baseAddress! + index * width, count: width)
      (t + row * targetWidth).update(from: targets.baseAddress! + index * targetWidth, count: targetWidth)
    }
  }
}
