#if canImport(DamGemmAVX2)
  import DamGemmAVX2
#endif
#if canImport(DamGemmAVX512)
  import DamGemmAVX512
#endif

/// General matrix multiply on Float32 storage: the one hot loop of the engine.
///
/// Computes C = op(A) * op(B) (or C += op(A) * op(B) when `accumulate`), where op(X) is X or X^T.
/// op(A) is m x k, op(B) is k x n, C is m x n. A is row-major; B and C are row-major or in column
/// panels (`MatrixStorage`). `lda`, `ldb`, `ldc` are the row strides of the row-major matrices as
/// stored (before transposition).
///
/// The dense layer keeps its weights as P = W^T [in x out] in column panels (`ParameterLayout`) and
/// uses three forms: forward Z = X P, weight gradient dP = X^T dZ (written in panels), input gradient
/// dX = dZ P^T. The forward pass reads the panels in place, with no packing.
///
/// Float32 products run on the fastest `Path` the CPU supports, chosen once at first use.
public enum Gemm {
  /// C (+)= op(A) op(B) for Float32, on `Path.fastest`.
  ///
  /// Allocates nothing on the heap after a thread's first call (see `PackingBuffer`).
  public static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bStorage: MatrixStorage = .rowMajor,
    c: UnsafeMutablePointer<Float>, ldc: Int, cStorage: MatrixStorage = .rowMajor,
    accumulate: Bool
  ) {
    multiply(
      on: Path.fastest, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
      a: a, lda: lda, b: b, ldb: ldb, bStorage: bStorage, c: c, ldc: ldc, cStorage: cStorage,
      accumulate: accumulate)
  }

  /// C (+)= op(A) op(B) for Float32 on the given path: tests and benchmarks use this to exercise
  /// every compiled kernel.
  ///
  /// - Precondition: `path.isSupported` (checked: an unsupported path stops with a message instead
  ///   of an illegal instruction).
  public static func multiply(
    on path: Path, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bStorage: MatrixStorage = .rowMajor,
    c: UnsafeMutablePointer<Float>, ldc: Int, cStorage: MatrixStorage = .rowMajor,
    accumulate: Bool
  ) {
    precondition(path.isSupported, "GEMM path \(path) is not supported on this CPU")
    let packed = PackingBuffer.forCurrentThread()
    let bPanels = bStorage == .columnPanels
    let cPanels = cStorage == .columnPanels
    switch path {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Gemm.multiply(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda,
          b: b, ldb: ldb, bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: accumulate,
          packed: packed)
      #else
        preconditionFailure("GEMM path avx512 is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Gemm.multiply(
          transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda,
          b: b, ldb: ldb, bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: accumulate,
          packed: packed)
      #else
        preconditionFailure("GEMM path avx2 is not available in this build")
      #endif
    case .portable:
      BlockedGemm.multiply(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda,
        b: b, ldb: ldb, bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: accumulate,
        packed: packed, epilogue: NoEpilogue())
    }
  }

  /// The obvious triple loop, for any floating-point scalar; the reference the fast kernels are
  /// tested against, and the path used for Double (gradient checks).
  public static func referenceMultiply<Scalar: BinaryFloatingPoint>(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Scalar>, lda: Int,
    b: UnsafePointer<Scalar>, ldb: Int, bStorage: MatrixStorage = .rowMajor,
    c: UnsafeMutablePointer<Scalar>, ldc: Int, cStorage: MatrixStorage = .rowMajor,
    accumulate: Bool
  ) {
    // B as stored is k x n, or n x k when transposed.
    let (bRows, bColumns) = transposeB ? (n, k) : (k, n)
    for i in 0..<m {
      for j in 0..<n {
        var sum: Scalar = 0
        for p in 0..<k {
          let x = transposeA ? a[p * lda + i] : a[i * lda + p]
          let (row, column) = transposeB ? (j, p) : (p, j)
          sum += x * b[bStorage.offset(row: row, column: column, rows: bRows, columns: bColumns, stride: ldb)]
        }
        let index = cStorage.offset(row: i, column: j, rows: m, columns: n, stride: ldc)
        c[index] = accumulate ? c[index] + sum : sum
      }
    }
  }
}
