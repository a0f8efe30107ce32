extension Network {
  /// One forward and one backward pass of the data loss on a batch, with no update: per dense layer,
  /// the standard deviation of its output H, the norm of its weight gradient and how many of its units
  /// differ. The passes are those of a training step without dropout (batch normalization uses the
  /// batch's statistics, as a step does); `step`, the parameters and the running statistics are
  /// unchanged, `gradients` holds the batch's gradient afterwards.
  ///
  /// - Parameters:
  ///   - inputs: X [count x inputs], row-major.
  ///   - targets: T [count x targetWidth] (see `Network`).
  /// - Returns: one `LayerProbe` per dense layer, input side first.
  /// - Throws: `BatchError` for mismatched sizes or invalid targets.
  /// - Complexity: a training step's work, plus O(count x units) per layer to find distinct units.
  public mutating func probe(inputs: [Scalar], targets: [Scalar], count: Int) throws(BatchError) -> [LayerProbe] {
    let mode = PassMode(dropout: false, batchStatistics: true)
    let result = inputs.withUnsafeBufferPointer { x in
      targets.withUnsafeBufferPointer { t in
        Result { () throws(BatchError) -> [LayerProbe] in
          try checkBatch(inputs: x, targets: t, count: count)
          let s = uniqueStorage()
          s.reserve(batch: count)
          let logits = forward(inputs: x.baseAddress!, rows: count, storage: s, mode: mode)
          measureActivations(rows: count, storage: s)
          let distinct = (0..<s.layout.layerCount).map { layer in
            Self.distinctColumns(
              s.workspace + s.workspaceLayout.preactivation[layer], rows: count, columns: s.layout.fanOut[layer])
          }
          _ = HeadKernels.loss(
            architecture.head, logits: logits, targets: t.baseAddress!, rows: count,
            gradient: s.workspace + s.workspaceLayout.deltaA, gradientScale: 1 / Scalar(count))
          backward(inputs: x.baseAddress!, rows: count, storage: s, mode: mode)
          _ = regularizeGradients(storage: s, measure: true)
          return (0..<s.layout.layerCount).map { layer in
            LayerProbe(
              activationStd: layerMetrics[layer].activationStd, gradientNorm: layerMetrics[layer].gradientNorm,
              distinctUnits: distinct[layer], units: s.layout.fanOut[layer])
          }
        }
      }
    }
    return try result.get()
  }

  /// The number of distinct columns of the row-major matrix `values` [rows x columns] (bitwise equal
  /// values, with 0 and -0 alike).
  private static func distinctColumns(_ values: UnsafePointer<Scalar>, rows: Int, columns: Int) -> Int {
    var seen = Set<[Scalar]>()
    for column in 0..<columns {
      seen.insert((0..<rows).map { row in values[row * columns + column] + 0 })
    }
    return seen.count
  }
}
