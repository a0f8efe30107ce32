// Column panels for `BlockedGemm` (compiled into every kernel target, like BlockedGemm.swift).

extension BlockedGemm {
  /// Columns per panel: a multiple of every instruction set's `tileColumns`, so that no register tile
  /// straddles two panels.
  static let panelWidth = 32

  /// Where column `column` of a `rows` x `columns` matrix stored in column panels lives: the offset of
  /// its element in row 0, and the row stride of its panel.
  ///
  /// Panel q holds columns [32 q, 32 q + w), w = min(32, columns - 32 q), row-major [rows x w] from offset
  /// 32 q rows: the panels tile the matrix with no padding, so a full panel's sliver of B is read in
  /// place, 32 contiguous floats per depth.
  @inline(__always)
  static func panelColumn(_ column: Int, rows: Int, columns: Int) -> (offset: Int, rowStride: Int) {
    let panelStart = column / panelWidth * panelWidth
    return (panelStart * rows + column - panelStart, min(panelWidth, columns - panelStart))
  }

  /// Packs one sliver of op(B) = P^T for P [rows x columns] in column panels:
  /// `sliver[p * stride + j] = P[firstRow + j, firstColumn + p]` for p < depth and j < width, zero for
  /// width <= j < stride. Each panel's piece is a row-major block, packed by `packTransposedSliver`.
  @inline(__always)
  static func packTransposedPanelSliver(
    _ source: UnsafePointer<Float>, rows: Int, columns: Int, firstRow: Int, width: Int, firstColumn: Int,
    depth: Int, into sliver: UnsafeMutablePointer<Float>
  ) {
    let stride = sliverStride(width: width)
    let end = firstColumn + depth
    var column = firstColumn
    while column < end {
      let (offset, rowStride) = panelColumn(column, rows: rows, columns: columns)
      let pieceEnd = min(end, column / panelWidth * panelWidth + panelWidth)
      packTransposedSliver(
        source + offset + firstRow * rowStride, ldb: rowStride, depth: pieceEnd - column, width: width,
        into: sliver + (column - firstColumn) * stride)
      column = pieceEnd
    }
  }
}
