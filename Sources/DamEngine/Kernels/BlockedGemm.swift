// One GEMM implementation, compiled several times: into DamEngine for any CPU, and (through
// symbolic links to the BlockedGemm files) into the kernel targets built for wider vector instruction
// sets. The including module supplies `KernelVector` (a SIMD vector of Float), `multiplyAdd(_:_:_:)`
// (a fused multiply-add where the instruction set has one) and `KernelShape.wideTileRows` (how many
// rows of C the two-vector micro-kernel keeps in registers: 8 for AVX-512, 6 for NEON, 4 with 16
// vector registers).

/// Cache-blocked C (+)= op(A) op(B) on row-major Float32 storage with a register-blocked micro-kernel.
///
/// B is packed, sliver by sliver, into `tileColumns` columns (zero-padded at the right edge) over a
/// block of depths, which also resolves its transposition; a small untransposed B is read in place
/// (copying it would cost more than the cache misses it saves). A is read in place through a row
/// stride and a depth stride, which resolves its transposition without packing. The micro-kernel keeps a
/// `KernelShape.wideTileRows` x `tileColumns` tile of C in registers: each step of the depth loop
/// loads two vectors of B, broadcasts one element of A per row, and issues two multiply-adds per row.
///
/// Loop order (outer to inner): B slivers, depth blocks (the sliver's block stays in L1), row tiles
/// of A, depth.
///
/// Small and ragged shapes: a sliver of at most one vector of columns (a 10-unit output layer) is
/// packed one vector wide and uses a one-vector tile of `narrowTileRows` rows; a single output column
/// with row-major A (a one-unit layer's forward pass) is computed as dot products without packing.
enum BlockedGemm {
  /// Rows of C per one-vector register tile (few enough registers for every instruction set).
  static let narrowTileRows = 6
  /// Floats per vector.
  static let lanes = KernelVector.scalarCount
  /// Columns of C per register tile: two vectors.
  static let tileColumns = 2 * lanes
  /// Depth of a block of B: a sliver of `depthBlock * tileColumns` floats stays in L1.
  static let depthBlock = 256
  /// Floats of scratch memory a product needs: one packed sliver of the widest tile (32 columns,
  /// AVX-512) over `depthBlock`.
  static let packedCapacity = depthBlock * 32
  /// Floats of the largest register tile of C (8 rows of 32 columns, AVX-512), for epilogues that take
  /// tiles in scratch memory (`TileEpilogue.tileScratch`).
  static let tileCapacity = 8 * 32
  /// Floats of scratch memory per `KernelScratch` slot: a packed sliver, then a register tile (the same in
  /// every build, a multiple of 16 floats).
  static let scratchCapacity = packedCapacity + tileCapacity
  /// Bytes of B rows that may be read in place instead of packed: small enough that the rows of a
  /// sliver cannot evict one another from a 32 KiB, 8-way L1 cache.
  static let inPlaceSpan = 32 * 1024
  /// Bytes of one vector in memory.
  static let vectorBytes = MemoryLayout<KernelVector>.stride

  /// C (+)= op(A) op(B); see `KernelTable.multiply` for the parameters. `bPanels` and `cPanels` say that B
  /// and C are stored in column panels (`panelColumn`; `ldb` and `ldc` are then ignored). `packed` is
  /// scratch memory for `packedCapacity` floats, 64-byte aligned. `epilogue` sees each register tile
  /// of C once it is final (not for the matrix-vector and zero-depth cases). With `columns` (starting at
  /// a multiple of `tileColumns`), only those columns of C are computed, each exactly as in the whole
  /// product (this is how a product is split across threads, `ColumnSplit`).
  @inline(__always)
  static func multiply<Epilogue: TileEpilogue>(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    accumulate: Bool, columns: Range<Int>? = nil, packed: UnsafeMutablePointer<Float>, epilogue: Epilogue
  ) {
    if m <= 0 || n <= 0 { return }
    if let columns, columns != 0..<n {
      precondition(k > 0 && n > 1 && columns.lowerBound % tileColumns == 0, "a product splits by whole slivers")
    }
    if k <= 0 {
      if !accumulate { clear(rows: m, columns: n, c: c, ldc: ldc, panels: cPanels) }
      return
    }
    // A one-column B is contiguous when it is a column panel, a transposed row, or has row stride 1.
    if n == 1 && !transposeA && (bPanels ? !transposeB : (transposeB || ldb == 1)) {
      multiplyVector(
        m: m, k: k, a: a, lda: lda, x: b, c: c, ldc: cPanels ? 1 : ldc, accumulate: accumulate)
      return
    }
    let aRowStride = transposeA ? 1 : lda
    let aDepthStride = transposeA ? lda : 1
    // Equal depth blocks of at most `depthBlock` (784 = 4 x 196, not 3 x 256 + 16).
    let depthBlocks = (k + depthBlock - 1) / depthBlock
    let balancedDepth = (k + depthBlocks - 1) / depthBlocks
    // B rows read in place stay in L1 together when they span at most `inPlaceSpan` bytes.
    let readInPlace = !transposeB && balancedDepth * ldb * MemoryLayout<Float>.stride <= inPlaceSpan
    // Tiles go to the epilogue's scratch instead of C when no later depth block adds to them.
    let scratch = depthBlocks == 1 ? epilogue.tileScratch : nil
    var sliverStart = columns?.lowerBound ?? 0
    let sliverEnd = columns?.upperBound ?? n
    while sliverStart < sliverEnd {
      let sliverColumns = min(tileColumns, n - sliverStart)
      let cSliver = cPanels ? panelColumn(sliverStart, rows: m, columns: n) : (offset: sliverStart, rowStride: ldc)
      var depthStart = 0
      while depthStart < k {
        let blockDepth = min(balancedDepth, k - depthStart)
        var sliver = UnsafePointer(packed)
        var sliverRowStride = sliverStride(width: sliverColumns)
        if bPanels && !transposeB {
          let (offset, rowStride) = panelColumn(sliverStart, rows: k, columns: n)
          let source = b + offset + depthStart * rowStride
          if rowStride == panelWidth {
            sliver = source
            sliverRowStride = panelWidth
          } else {
            packSliver(source, ldb: rowStride, depth: blockDepth, width: sliverColumns, into: packed)
          }
        } else if bPanels {
          packTransposedPanelSliver(
            b, rows: n, columns: k, firstRow: sliverStart, width: sliverColumns, firstColumn: depthStart,
            depth: blockDepth, into: packed)
        } else if readInPlace && sliverColumns == tileColumns {
          sliver = b + depthStart * ldb + sliverStart
          sliverRowStride = ldb
        } else if transposeB {
          packTransposedSliver(
            b + sliverStart * ldb + depthStart, ldb: ldb, depth: blockDepth, width: sliverColumns,
            into: packed)
        } else {
          packSliver(
            b + depthStart * ldb + sliverStart, ldb: ldb, depth: blockDepth, width: sliverColumns,
            into: packed)
        }
        let addToC = accumulate || depthStart > 0
        let isFinal = depthStart + blockDepth == k
        let aBlock = a + depthStart * aDepthStride
        let cBlock = c + cSliver.offset
        let cRowStride = cSliver.rowStride
        let isNarrow = sliverColumns <= lanes
        let tileRows = isNarrow ? narrowTileRows : KernelShape.wideTileRows
        var rowStart = 0
        while rowStart < m {
          let rows = min(tileRows, m - rowStart)
          let tile = scratch ?? cBlock + rowStart * cRowStride
          let tileRowStride = scratch == nil ? cRowStride : sliverColumns
          let aTile = aBlock + rowStart * aRowStride
          if isNarrow {
            multiplyNarrowTile(
              depth: blockDepth, a: aTile, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
              b: sliver, bRowStride: sliverRowStride, c: tile, ldc: tileRowStride, columns: sliverColumns,
              accumulate: addToC && scratch == nil)
          } else {
            multiplyWideTile(
              depth: blockDepth, a: aTile, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
              b: sliver, bRowStride: sliverRowStride, c: tile, ldc: tileRowStride, columns: sliverColumns,
              accumulate: addToC && scratch == nil)
          }
          if isFinal {
            epilogue.finish(
              tile: tile, tileRowStride: tileRowStride, offset: cSliver.offset + rowStart * cRowStride,
              rowStride: cRowStride, rows: rows, columns: sliverColumns)
          }
          rowStart += rows
        }
        depthStart += blockDepth
      }
      sliverStart += tileColumns
    }
  }

  /// The matrix-vector case (a one-unit output layer's forward pass): C[i, 0] (+)= A[i, :] . x for
  /// row-major A and a contiguous x, as dot products along the rows without packing.
  @inline(__always)
  static func multiplyVector(
    m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
  ) {
    let vectorDepth = k / lanes * lanes
    for i in 0..<m {
      let row = a + i * lda
      var sums = KernelVector()
      var p = 0
      while p < vectorDepth {
        sums = multiplyAdd(
          sums, UnsafeRawPointer(row + p).loadUnaligned(as: KernelVector.self),
          UnsafeRawPointer(x + p).loadUnaligned(as: KernelVector.self))
        p += lanes
      }
      var sum = sums.sum()
      while p < k {
        sum += row[p] * x[p]
        p += 1
      }
      c[i * ldc] = accumulate ? c[i * ldc] + sum : sum
    }
  }

  /// Sets an m x n C (row-major with row stride `ldc`, or in column panels) to zero.
  static func clear(rows: Int, columns: Int, c: UnsafeMutablePointer<Float>, ldc: Int, panels: Bool) {
    if panels {
      c.update(repeating: 0, count: rows * columns)
      return
    }
    for i in 0..<rows {
      (c + i * ldc).update(repeating: 0, count: columns)
    }
  }
}
