#if canImport(DamGemmAVX2)
  import DamGemmAVX2
#endif
#if canImport(DamGemmAVX512)
  import DamGemmAVX512
#endif

extension Gemm {
  /// The weight-gradient product C = op(A) op(B) (B and C stored as `bStorage`, `cStorage`) with plain
  /// SGD and L1/L2 fused into its last depth block, on `path`: `weights` (laid out like C) end as
  /// w + step (g * scale), g = C + l2 w + l1 sign(w), exactly as after the product and
  /// `FloatSGDVectors.sgd`; C ends as g when `keepsGradients`, and is otherwise not written at all when
  /// k fits one depth block (`SGDEpilogue`). Returns sum w^2, sum |w| (when l1 > 0) and sum g^2, over the
  /// weights before the update.
  ///
  /// - Precondition: `path.isSupported`, and the product is not a matrix-vector one (`transposeA`, or
  ///   more than one column).
  static func multiplyUpdatingWeights(
    on path: Gemm.Path = .fastest, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bStorage: MatrixStorage,
    c: UnsafeMutablePointer<Float>, ldc: Int, cStorage: MatrixStorage,
    weights: UnsafeMutablePointer<Float>, keepsGradients: Bool, step: Float, scale: Float, l1: Float, l2: Float
  ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double) {
    precondition(path.isSupported, "GEMM path \(path) is not supported on this CPU")
    precondition(transposeA || n > 1, "a matrix-vector product has no register tiles to update")
    let packed = PackingBuffer.forCurrentThread()
    let bPanels = bStorage == .columnPanels
    let cPanels = cStorage == .columnPanels
    switch path {
    case .avx512:
      #if canImport(DamGemmAVX512)
        return AVX512Gemm.multiplyUpdatingWeights(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
          bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, weights: weights, keepsGradients: keepsGradients,
          step: step, scale: scale, l1: l1, l2: l2, packed: packed)
      #else
        preconditionFailure("GEMM path avx512 is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        return AVX2Gemm.multiplyUpdatingWeights(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
          bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, weights: weights, keepsGradients: keepsGradients,
          step: step, scale: scale, l1: l1, l2: l2, packed: packed)
      #else
        preconditionFailure("GEMM path avx2 is not available in this build")
      #endif
    case .portable:
      return BlockedGemm.multiplyUpdatingWeights(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
        bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, weights: weights, keepsGradients: keepsGradients,
        step: step, scale: scale, l1: l1, l2: l2, packed: packed)
    }
  }
}
