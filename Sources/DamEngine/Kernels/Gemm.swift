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
/// Float32 products run on a `Path`'s kernel table (`KernelTable.multiply`); the network calls
/// `KernelTable.fastest` with scratch memory in its workspace.
public enum Gemm {
  /// C (+)= op(A) op(B) for Float32 on `path` (by default the fastest the CPU supports), with scratch
  /// memory allocated for the call (`KernelTable.withScratch`): for one-off products and tests.
  ///
  /// - Precondition: `path.isSupported` (checked: an unsupported path stops with a message instead
  ///   of an illegal instruction).
  public static func multiply(
    on path: Path = .fastest, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bStorage: MatrixStorage = .rowMajor,
    c: UnsafeMutablePointer<Float>, ldc: Int, cStorage: MatrixStorage = .rowMajor,
    accumulate: Bool
  ) {
    let kernels = path.kernels
    kernels.withScratch { scratch in
      kernels.multiply(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
        bPanels: bStorage == .columnPanels, c: c, ldc: ldc, cPanels: cStorage == .columnPanels,
        accumulate: accumulate, scratch: scratch)
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
