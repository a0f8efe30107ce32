#if canImport(DamGemmAVX2)
  import DamGemmAVX2
#endif
#if canImport(DamGemmAVX512)
  import DamGemmAVX512
#endif

/// General matrix multiply on row-major Float32 storage: the one hot loop of the engine.
///
/// Computes C = op(A) * op(B) (or C += op(A) * op(B) when `accumulate`), where op(X) is X or X^T.
/// op(A) is m x k, op(B) is k x n, C is m x n. `lda`, `ldb`, `ldc` are the row strides of the
/// matrices as stored (before transposition).
///
/// The dense layer uses three forms (W is out x in, as in PyTorch):
/// forward Z = X W^T (`transposeB`), weight gradient dW = dZ^T X (`transposeA`),
/// input gradient dX = dZ W (neither).
///
/// Float32 products run on the fastest `Path` the CPU supports, chosen once at first use.
public enum Gemm {
  /// C (+)= op(A) op(B) for Float32, on `Path.fastest`.
  ///
  /// Allocates nothing on the heap after a thread's first call (see `PackingBuffer`).
  public static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
  ) {
    multiply(
      on: Path.fastest, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
      a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
  }

  /// C (+)= op(A) op(B) for Float32 on the given path: tests and benchmarks use this to exercise
  /// every compiled kernel.
  ///
  /// - Precondition: `path.isSupported` (checked: an unsupported path stops with a message instead
  ///   of an illegal instruction).
  public static func multiply(
    on path: Path, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
  ) {
    precondition(path.isSupported, "GEMM path \(path) is not supported on this CPU")
    let packed = PackingBuffer.forCurrentThread()
    switch path {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Gemm.multiply(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
          a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate, packed: packed)
      #else
        preconditionFailure("GEMM path avx512 is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Gemm.multiply(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
          a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate, packed: packed)
      #else
        preconditionFailure("GEMM path avx2 is not available in this build")
      #endif
    case .portable:
      BlockedGemm.multiply(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
        a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate, packed: packed)
    }
  }

  /// The obvious triple loop, for any floating-point scalar; the reference the fast kernels are
  /// tested against, and the path used for Double (gradient checks).
  public static func referenceMultiply<Scalar: BinaryFloatingPoint>(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Scalar>, lda: Int,
    b: UnsafePointer<Scalar>, ldb: Int,
    c: UnsafeMutablePointer<Scalar>, ldc: Int,
    accumulate: Bool
  ) {
    for i in 0..<m {
      for j in 0..<n {
        var sum: Scalar = 0
        for p in 0..<k {
          let x = transposeA ? a[p * lda + i] : a[i * lda + p]
          let y = transposeB ? b[j * ldb + p] : b[p * ldb + j]
          sum += x * y
        }
        c[i * ldc + j] = accumulate ? c[i * ldc + j] + sum : sum
      }
    }
  }
}
