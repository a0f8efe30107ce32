// The build of `BlockedGemm` for AVX-512F and FMA (Package.swift compiles this target with those
// instruction sets in release builds).

/// The vector the AVX-512F and FMA micro-kernel works on.
typealias KernelVector = SIMD16<Float>

/// Fused multiply-add (one vfmadd instruction per register).
@inline(__always)
func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
  sum.addingProduct(x, y)
}

/// The register tile of the micro-kernel (see `BlockedGemm`).
enum KernelShape {
  /// 32 vector registers: eight rows of two vectors per register tile (16 accumulators).
  static let wideTileRows = 8
}

/// GEMM compiled for AVX-512F and FMA.
///
/// Call only when the CPU and OS support it (`dam_cpu_supports_avx512f()` from CCPUFeatures): release
/// builds of this module contain instructions that older CPUs do not have.
public enum AVX512Gemm {
  /// C (+)= op(A) op(B); the parameters are those of `Gemm.multiply` in DamEngine (`bPanels` and
  /// `cPanels`: B and C are stored in column panels), plus `packed`: scratch memory for
  /// `BlockedGemm.packedCapacity` floats, 64-byte aligned.
  @inline(never)
  public static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    accumulate: Bool, packed: UnsafeMutablePointer<Float>
  ) {
    BlockedGemm.multiply(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
      a: a, lda: lda, b: b, ldb: ldb, bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: accumulate,
      packed: packed, epilogue: NoEpilogue())
  }

  /// C = op(A) op(B) as `multiply` (C not accumulated), then plain SGD with L1/L2 on `weights` (laid out
  /// like C) from the data gradient C, tile by tile while each is in L1 (`SGDEpilogue`): w <- w + step
  /// (g * scale) with g = C + l2 w + l1 sign(w), and C becomes g when `keepsGradients` (otherwise C is
  /// left untouched when k fits one depth block). Returns the sums of the sweep (sum w^2, sum |w| when
  /// l1 > 0, sum g^2, over the weights before the update). `packed` also holds the tile scratch
  /// (`BlockedGemm.packedCapacity + BlockedGemm.tileCapacity` floats).
  @inline(never)
  public static func multiplyUpdatingWeights(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    weights: UnsafeMutablePointer<Float>, keepsGradients: Bool, step: Float, scale: Float, l1: Float, l2: Float,
    packed: UnsafeMutablePointer<Float>
  ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double) {
    BlockedGemm.multiplyUpdatingWeights(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
      bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, weights: weights, keepsGradients: keepsGradients,
      step: step, scale: scale, l1: l1, l2: l2, packed: packed)
  }
}
