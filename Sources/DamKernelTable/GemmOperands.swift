/// The operands of one product C (+)= op(A) op(B) for a `KernelTable`'s GEMM kernels (see
/// `KernelTable.multiply` for their meaning).
public struct GemmOperands {
  /// Whether op(A) is A^T.
  public var transposeA: Bool
  /// Whether op(B) is B^T.
  public var transposeB: Bool
  /// Rows of op(A) and C.
  public var m: Int
  /// Columns of op(B) and C.
  public var n: Int
  /// Columns of op(A), rows of op(B): the depth.
  public var k: Int
  /// A, row-major.
  public var a: UnsafePointer<Float>
  /// A's row stride.
  public var lda: Int
  /// B.
  public var b: UnsafePointer<Float>
  /// B's row stride when row-major.
  public var ldb: Int
  /// Whether B is stored in column panels.
  public var bPanels: Bool
  /// C.
  public var c: UnsafeMutablePointer<Float>
  /// C's row stride when row-major.
  public var ldc: Int
  /// Whether C is stored in column panels.
  public var cPanels: Bool
  /// Whether the product is added to C instead of replacing it.
  public var accumulate: Bool

  /// The operands of C (+)= op(A) op(B).
  @inlinable
  public init(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bPanels: Bool, c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    accumulate: Bool
  ) {
    (self.transposeA, self.transposeB, self.m, self.n, self.k) = (transposeA, transposeB, m, n, k)
    (self.a, self.lda, self.b, self.ldb, self.bPanels) = (a, lda, b, ldb, bPanels)
    (self.c, self.ldc, self.cPanels, self.accumulate) = (c, ldc, cPanels, accumulate)
  }
}
