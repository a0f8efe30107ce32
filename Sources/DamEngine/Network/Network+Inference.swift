extension Network {
  /// Samples per forward chunk in evaluation and prediction when no larger workspace exists yet.
  static var evaluationChunk: Int { 256 }

  /// Mean data loss and accuracy on `count` samples in evaluation mode (no dropout, batch normalization
  /// with the running statistics, no update), processed in chunks through the preallocated workspace.
  /// - Parameters: inputs X [count x inputs]; targets T [count x targetWidth].
  @_specialize(exported:true,where Scalar == Float)
  public mutating func evaluate(
    inputs: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, count: Int
  ) throws(BatchError) -> Evaluation {
    try checkBatch(inputs: inputs, targets: targets, count: count)
    let s = uniqueStorage()
    let chunk = reserveChunk(count: count, storage: s)
    var loss = 0.0
    var correct = 0
    var start = 0
    while start < count {
      let rows = min(chunk, count - start)
      let logits = forward(
        inputs: inputs.baseAddress! + start * architecture.inputs, rows: rows, storage: s, mode: .evaluation)
      let head = HeadKernels.loss(
        architecture.head, logits: logits, targets: targets.baseAddress! + start * s.targetWidth, rows: rows,
        gradient: nil, gradientScale: 1)
      loss += head.loss
      correct += head.correct
      start += rows
    }
    let accuracy = architecture.head.classCount == nil ? nil : Double(correct) / Double(count)
    return Evaluation(loss: loss / Double(count), accuracy: accuracy, count: count)
  }

  /// Array convenience for `evaluate(inputs:targets:count:)`.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func evaluate(inputs: [Scalar], targets: [Scalar], count: Int) throws(BatchError) -> Evaluation {
    let result = inputs.withUnsafeBufferPointer { x in
      targets.withUnsafeBufferPointer { t in
        Result { () throws(BatchError) in try evaluate(inputs: x, targets: t, count: count) }
      }
    }
    return try result.get()
  }

  /// Predictions for `count` samples X [count x inputs] into `output` [count x outputs]: sigmoid
  /// probabilities (binary), softmax probabilities (multiclass) or the outputs (regression).
  /// Evaluation mode (deterministic) unless `dropout`, which draws masks as in training (Monte Carlo
  /// dropout); batch normalization always uses the running statistics. Chunked through the workspace.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func predict(
    inputs: UnsafeBufferPointer<Scalar>, count: Int, into output: UnsafeMutableBufferPointer<Scalar>,
    dropout: Bool = false
  ) throws(BatchError) {
    try checkInputs(inputs, count: count)
    let width = architecture.head.outputWidth
    guard output.count == count * width, let destination = output.baseAddress else {
      throw .outputSize(expected: count * width, actual: output.count)
    }
    let s = uniqueStorage()
    let chunk = reserveChunk(count: count, storage: s)
    var start = 0
    while start < count {
      let rows = min(chunk, count - start)
      let logits = forward(
        inputs: inputs.baseAddress! + start * architecture.inputs, rows: rows, storage: s,
        mode: PassMode(dropout: dropout, batchStatistics: false))
      HeadKernels.predict(architecture.head, values: logits, rows: rows)
      (destination + start * width).update(from: logits, count: rows * width)
      start += rows
    }
  }

  /// Array convenience for `predict(inputs:count:into:)`; returns [count x outputs].
  public mutating func predict(_ inputs: [Scalar], count: Int, dropout: Bool = false) throws(BatchError) -> [Scalar] {
    var output = [Scalar](repeating: 0, count: max(count, 0) * architecture.head.outputWidth)
    let result = inputs.withUnsafeBufferPointer { x in
      output.withUnsafeMutableBufferPointer { y in
        Result { () throws(BatchError) in try predict(inputs: x, count: count, into: y, dropout: dropout) }
      }
    }
    try result.get()
    return output
  }

  private func reserveChunk(count: Int, storage s: NetworkStorage<Scalar>) -> Int {
    let chunk = max(s.workspaceLayout.capacity, min(count, Self.evaluationChunk))
    s.reserve(batch: chunk)
    return chunk
  }
}
