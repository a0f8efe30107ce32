extension Network {
  /// Every dense layer's output for `count` samples X [count x inputs], in evaluation mode (no dropout,
  /// batch normalization with the running statistics): per layer l, H_l [count x fanOut_l] row-major,
  /// input side first. A hidden layer's H is f(Z) (after batch normalization and the activation); the
  /// output layer's is the prediction (sigmoid or softmax probabilities, or the regression outputs).
  /// The parameters, `step` and the generator are untouched. Chunked through the workspace, as `predict`.
  /// - Throws: `BatchError` when `inputs` does not hold `count` rows of the network's inputs.
  /// - Complexity: one forward pass over `count` samples, plus copying every layer's output.
  @_specialize(exported:true,where Scalar == Float)
  public mutating func layerOutputs(_ inputs: [Scalar], count: Int) throws(BatchError) -> [[Scalar]] {
    let result = inputs.withUnsafeBufferPointer { x in
      Result { () throws(BatchError) -> [[Scalar]] in
        try checkInputs(x, count: count)
        let s = uniqueStorage()
        let layout = s.layout
        var outputs = layout.fanOut.map { [Scalar](repeating: 0, count: count * $0) }
        let chunk = max(s.workspaceLayout.capacity, min(count, Self.evaluationChunk))
        s.reserve(batch: chunk)
        var start = 0
        while start < count {
          let rows = min(chunk, count - start)
          let logits = forward(
            inputs: x.baseAddress! + start * architecture.inputs, rows: rows, storage: s, mode: .evaluation)
          HeadKernels.predict(architecture.head, values: logits, rows: rows)
          for layer in 0..<layout.layerCount {
            let width = layout.fanOut[layer]
            let source = s.workspace + s.workspaceLayout.preactivation[layer]
            outputs[layer].withUnsafeMutableBufferPointer { destination in
              (destination.baseAddress! + start * width).update(from: source, count: rows * width)
            }
          }
          start += rows
        }
        return outputs
      }
    }
    return try result.get()
  }
}
