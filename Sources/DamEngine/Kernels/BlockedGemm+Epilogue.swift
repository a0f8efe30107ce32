// Work `BlockedGemm` does on each register tile of C as soon as it is final (compiled into every kernel
// target, like BlockedGemm.swift).

/// Called by `BlockedGemm.multiply` on each register tile of C once its last depth block is stored, while
/// the tile is still in L1: C[offset + r * rowStride + j] for r < rows, j < columns.
protocol TileEpilogue {
  /// Processes one final tile of C.
  mutating func finish(offset: Int, rowStride: Int, rows: Int, columns: Int)
}

/// A product with nothing to do afterwards.
struct NoEpilogue: TileEpilogue {
  @inline(__always)
  mutating func finish(offset: Int, rowStride: Int, rows: Int, columns: Int) {}
}

/// Plain SGD with L1/L2 fused into the weight-gradient product: C is the data gradient of a weight block
/// stored like C, and each final tile is regularized, summed and applied to the weights at once
/// (`FloatSGDVectors.update(run:...)`), instead of in a second sweep that reads the gradient back from
/// L2 or memory. The weights and C end exactly as after the product and `FloatSGDVectors.sgd`.
struct SGDEpilogue: TileEpilogue {
  /// The gradient block (C of the product).
  let gradients: UnsafeMutablePointer<Float>
  /// The weights, in the same layout as the gradients.
  let weights: UnsafeMutablePointer<Float>
  /// -learning rate.
  let step: Float
  /// Gradient scale.
  let scale: Float
  /// L1 strength.
  let l1: Float
  /// L2 strength.
  let l2: Float
  /// The running sums of the update.
  var sums = FloatSGDVectors.LaneSums()

  @inline(__always)
  mutating func finish(offset: Int, rowStride: Int, rows: Int, columns: Int) {
    if rowStride == columns {
      FloatSGDVectors.update(
        run: &sums, weights: weights + offset, gradients: gradients + offset, count: rows * columns, step: step,
        scale: scale, l1: l1, l2: l2)
      return
    }
    for row in 0..<rows {
      let start = offset + row * rowStride
      FloatSGDVectors.update(
        run: &sums, weights: weights + start, gradients: gradients + start, count: columns, step: step,
        scale: scale, l1: l1, l2: l2)
    }
  }
}
