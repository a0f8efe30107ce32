/// How a matrix operand of `Gemm` is laid out in memory.
public enum MatrixStorage: Sendable, Equatable {
  /// Row-major: element (i, j) at i * stride + j, with the operand's row stride (`ldb`, `ldc`).
  case rowMajor
  /// Column panels of `panelWidth` columns (the last one narrower), each row-major and contiguous, one
  /// after the other: element (i, j) of a rows x columns matrix at 32 q rows + i w + (j - 32 q), where
  /// q = j / 32 and w = min(32, columns - 32 q). The panels tile the matrix without padding (rows x
  /// columns floats in all), and a register tile of the GEMM reads a full panel's rows in place. The row
  /// stride argument is ignored.
  case columnPanels

  /// Columns per panel of `columnPanels`.
  public static let panelWidth = BlockedGemm.panelWidth

  /// The offset of element (`row`, `column`) of a `rows` x `columns` matrix stored this way, with row
  /// stride `stride` for `rowMajor`.
  @inline(__always)
  public func offset(row: Int, column: Int, rows: Int, columns: Int, stride: Int) -> Int {
    switch self {
    case .rowMajor:
      return row * stride + column
    case .columnPanels:
      let (offset, rowStride) = BlockedGemm.panelColumn(column, rows: rows, columns: columns)
      return offset + row * rowStride
    }
  }
}
