// Work `BlockedGemm` does on each register tile of C as soon as it is final (compiled into every kernel
// target, like BlockedGemm.swift).

/// Called by `BlockedGemm.multiply` on each register tile of C once its last depth block is done, while
/// the tile is still in L1.
protocol TileEpilogue {
  /// Scratch memory for one register tile (`BlockedGemm.tileCapacity` floats), or nil. When a product has
  /// a single depth block, its tiles are then computed there (contiguous rows) and never stored
  /// in C: the epilogue consumes them.
  var tileScratch: UnsafeMutablePointer<Float>? { get }

  /// Processes one final tile: its values are at `tile` (row stride `tileRowStride`: in C, or in
  /// `tileScratch`), and it is C[offset + r * rowStride + j] for r < rows, j < columns.
  ///
  /// Not `mutating`: epilogues are passed by value (an `inout` empty struct has no real address, which
  /// ThreadSanitizer's instrumentation of the access trips over); state lives behind pointers.
  func finish(
    tile: UnsafeMutablePointer<Float>, tileRowStride: Int, offset: Int, rowStride: Int, rows: Int, columns: Int)
}

/// A product with nothing to do afterwards.
struct NoEpilogue: TileEpilogue {
  var tileScratch: UnsafeMutablePointer<Float>? { nil }

  @inline(__always)
  func finish(
    tile: UnsafeMutablePointer<Float>, tileRowStride: Int, offset: Int, rowStride: Int, rows: Int, columns: Int
  ) {}
}

/// Plain SGD with L1/L2 fused into the weight-gradient product: C is the data gradient of a weight block
/// laid out like C, and each final tile is regularized, summed and applied to the weights at once
/// (`FloatSGDVectors.update(run:...)`), instead of in a second sweep that reads the gradient back from
/// L2 or memory. The weights end exactly as after the product and `FloatSGDVectors.sgd`.
///
/// With `gradients` (the gradient block, C of the product), the regularized gradient is stored there as
/// `sgd` does. Without, a single-depth-block product computes its tiles in `tileScratch` and the gradient
/// block is neither read nor written: no memory traffic for it at all.
struct SGDEpilogue: TileEpilogue {
  /// The gradient block (C of the product) to write the regularized gradients to, or nil.
  let gradients: UnsafeMutablePointer<Float>?
  /// The weights, in the same layout as C.
  let weights: UnsafeMutablePointer<Float>
  /// -learning rate.
  let step: Float
  /// Gradient scale.
  let scale: Float
  /// L1 strength.
  let l1: Float
  /// L2 strength.
  let l2: Float
  /// Scratch for one tile when the gradients are not kept.
  let tileScratch: UnsafeMutablePointer<Float>?
  /// The running sums of the update, owned by the caller.
  let sums: UnsafeMutablePointer<FloatSGDVectors.LaneSums>

  /// An epilogue that keeps the regularized gradients in `gradients` when given, otherwise computes tiles
  /// in `scratch`; it adds to `sums`.
  init(
    gradients: UnsafeMutablePointer<Float>?, weights: UnsafeMutablePointer<Float>, step: Float, scale: Float,
    l1: Float, l2: Float, scratch: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<FloatSGDVectors.LaneSums>
  ) {
    (self.gradients, self.weights, self.step, self.scale, self.l1, self.l2) = (gradients, weights, step, scale, l1, l2)
    tileScratch = gradients == nil ? scratch : nil
    self.sums = sums
  }

  @inline(__always)
  func finish(
    tile: UnsafeMutablePointer<Float>, tileRowStride: Int, offset: Int, rowStride: Int, rows: Int, columns: Int
  ) {
    if tileRowStride == columns && rowStride == columns {
      FloatSGDVectors.update(
        run: &sums.pointee, weights: weights + offset, dataGradients: tile, gradients: gradients.map { $0 + offset },
        count: rows * columns, step: step, scale: scale, l1: l1, l2: l2)
      return
    }
    for row in 0..<rows {
      let start = offset + row * rowStride
      FloatSGDVectors.update(
        run: &sums.pointee, weights: weights + start, dataGradients: tile + row * tileRowStride,
        gradients: gradients.map { $0 + start }, count: columns, step: step, scale: scale, l1: l1, l2: l2)
    }
  }
}

extension BlockedGemm {
  /// `multiply` (C not accumulated) with an `SGDEpilogue` on `weights`: see `KernelTable.multiplyUpdatingWeights`.
  /// `packed` holds `packedCapacity + tileCapacity` floats (the tile scratch after the packed sliver).
  /// Returns sum w^2, sum |w| (when l1 > 0) and sum g^2, over the weights before the update (of `columns`
  /// only, when given: see `multiply`).
  @inline(__always)
  static func multiplyUpdatingWeights(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    weights: UnsafeMutablePointer<Float>, keepsGradients: Bool, step: Float, scale: Float, l1: Float, l2: Float,
    columns: Range<Int>? = nil, packed: UnsafeMutablePointer<Float>
  ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double) {
    var laneSums = FloatSGDVectors.LaneSums()
    withUnsafeMutablePointer(to: &laneSums) { laneSums in
      let epilogue = SGDEpilogue(
        gradients: keepsGradients ? c : nil, weights: weights, step: step, scale: scale, l1: l1, l2: l2,
        scratch: packed + packedCapacity, sums: laneSums)
      multiply(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
        bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: false, columns: columns, packed: packed,
        epilogue: epilogue)
    }
    let sums = FloatSGDVectors.totals(laneSums, usesL1: l1 > 0)
    return (sums.weightSquares, sums.weightMagnitudes, sums.gradientSquares)
  }
}
