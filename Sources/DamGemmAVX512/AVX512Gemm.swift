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
  /// C (+)= op(A) op(B); the parameters are those of `Gemm.multiply` in DamEngine, plus `packed`:
  /// scratch memory for `BlockedGemm.packedCapacity` floats, 64-byte aligned.
  @inline(never)
  public static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, packed: UnsafeMutablePointer<Float>
  ) {
    BlockedGemm.multiply(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
      a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate, packed: packed)
  }
}
