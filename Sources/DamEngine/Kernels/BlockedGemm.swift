// One GEMM implementation, compiled several times: into DamEngine for any CPU, and (through
// symbolic links to this file) into the kernel targets built for wider vector instruction sets.
// The including module supplies `KernelVector` (a SIMD vector of Float) and
// `multiplyAdd(_:_:_:)` (a fused multiply-add where the instruction set has one).

/// Cache-blocked C (+)= op(A) op(B) on row-major Float32 storage with a register-blocked micro-kernel.
///
/// B is packed, block by block, into slivers of `tileColumns` columns (zero-padded at the right
/// edge), which also resolves its transposition. A is read in place through a row stride and a depth
/// stride, which resolves its transposition without packing. The micro-kernel keeps a
/// `tileRows` x `tileColumns` tile of C in registers: each step of the depth loop loads two vectors
/// of B, broadcasts one element of A per row, and issues `2 * tileRows` multiply-adds.
///
/// Loop order (outer to inner): column blocks of C, depth blocks, B slivers (one stays in L1),
/// row tiles of A, depth.
///
/// Small and ragged shapes: a sliver of at most one vector of columns uses a one-vector tile
/// (half the work for the 16-wide layers on AVX-512); a transposed B is packed by transposing
/// vector squares in registers; a single output column with row-major A (a one-unit layer's forward
/// pass) is computed as dot products without packing.
enum BlockedGemm {
  /// Rows of C per register tile.
  static let tileRows = 6
  /// Floats per vector.
  static let lanes = KernelVector.scalarCount
  /// Columns of C per register tile: two vectors.
  static let tileColumns = 2 * lanes
  /// Depth of a packed block of B: a sliver of `depthBlock * tileColumns` floats stays in L1.
  static let depthBlock = 256
  /// Columns of a packed block of B (a multiple of every `tileColumns`).
  static let columnBlock = 128
  /// Bytes of one vector in memory.
  static let vectorBytes = MemoryLayout<KernelVector>.stride

  /// C (+)= op(A) op(B); see `Gemm.multiply` for the parameters. `packed` is scratch memory for
  /// `depthBlock * columnBlock` floats, 64-byte aligned.
  @inline(__always)
  static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, packed: UnsafeMutablePointer<Float>
  ) {
    if m <= 0 || n <= 0 { return }
    if k <= 0 {
      if !accumulate { clear(rows: m, columns: n, c: c, ldc: ldc) }
      return
    }
    if n == 1 && !transposeA && (transposeB || ldb == 1) {
      multiplyVector(m: m, k: k, a: a, lda: lda, x: b, c: c, ldc: ldc, accumulate: accumulate)
      return
    }
    let aRowStride = transposeA ? 1 : lda
    let aDepthStride = transposeA ? lda : 1
    // Equal depth blocks of at most `depthBlock` (784 = 4 x 196, not 3 x 256 + 16).
    let depthBlocks = (k + depthBlock - 1) / depthBlock
    let balancedDepth = (k + depthBlocks - 1) / depthBlocks
    var columnStart = 0
    while columnStart < n {
      let blockColumns = min(columnBlock, n - columnStart)
      var depthStart = 0
      while depthStart < k {
        let blockDepth = min(balancedDepth, k - depthStart)
        packB(
          transposed: transposeB, b: b, ldb: ldb, depthStart: depthStart, depth: blockDepth,
          columnStart: columnStart, columns: blockColumns, into: packed)
        let addToC = accumulate || depthStart > 0
        var sliverStart = 0
        while sliverStart < blockColumns {
          let sliverColumns = min(tileColumns, blockColumns - sliverStart)
          let sliver = packed + sliverStart * blockDepth
          let narrow = sliverColumns <= lanes
          var rowStart = 0
          while rowStart < m {
            let rows = min(tileRows, m - rowStart)
            let aTile = a + rowStart * aRowStride + depthStart * aDepthStride
            let cTile = c + rowStart * ldc + columnStart + sliverStart
            if narrow {
              multiplyNarrowTile(
                depth: blockDepth, a: aTile, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
                packedB: sliver, c: cTile, ldc: ldc, columns: sliverColumns, accumulate: addToC)
            } else {
              multiplyTile(
                depth: blockDepth, a: aTile, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
                packedB: sliver, c: cTile, ldc: ldc, columns: sliverColumns, accumulate: addToC)
            }
            rowStart += tileRows
          }
          sliverStart += tileColumns
        }
        depthStart += blockDepth
      }
      columnStart += blockColumns
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

  /// Sets an m x n block of C to zero.
  static func clear(rows: Int, columns: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
    for i in 0..<rows {
      (c + i * ldc).update(repeating: 0, count: columns)
    }
  }

  /// Copies op(B)[depthStart..<depthStart+depth, columnStart..<columnStart+columns] into slivers of
  /// `tileColumns` columns, each stored depth-major (`depth` rows of `tileColumns` floats), the last
  /// one zero-padded on the right.
  @inline(__always)
  static func packB(
    transposed: Bool, b: UnsafePointer<Float>, ldb: Int, depthStart: Int, depth: Int,
    columnStart: Int, columns: Int, into packed: UnsafeMutablePointer<Float>
  ) {
    var sliverStart = 0
    while sliverStart < columns {
      let width = min(tileColumns, columns - sliverStart)
      let sliver = packed + sliverStart * depth
      let firstColumn = columnStart + sliverStart
      if transposed {
        packTransposed(
          b + firstColumn * ldb + depthStart, ldb: ldb, depth: depth, width: width, into: sliver)
      } else {
        // op(B)[p, j] = b[p * ldb + j]: copy row segments.
        for p in 0..<depth {
          (sliver + p * tileColumns).update(from: b + (depthStart + p) * ldb + firstColumn, count: width)
        }
      }
      if width < tileColumns {
        for p in 0..<depth {
          (sliver + p * tileColumns + width).update(repeating: 0, count: tileColumns - width)
        }
      }
      sliverStart += tileColumns
    }
  }

  /// Packs one sliver of op(B) = b^T: `sliver[p * tileColumns + j] = source[j * ldb + p]` for
  /// p < depth, j < width. Full `lanes` x `lanes` squares are loaded as vectors (rows of b),
  /// transposed in registers and stored as vectors; the ragged edges are copied one by one.
  @inline(__always)
  static func packTransposed(
    _ source: UnsafePointer<Float>, ldb: Int, depth: Int, width: Int, into sliver: UnsafeMutablePointer<Float>
  ) {
    let fullWidth = width / lanes * lanes
    let fullDepth = depth / lanes * lanes
    // Two buffers of at most 1 KiB each: larger temporary allocations may go to the heap.
    withUnsafeTemporaryAllocation(of: KernelVector.self, capacity: lanes) { squareBuffer in
      withUnsafeTemporaryAllocation(of: KernelVector.self, capacity: lanes) { scratchBuffer in
        let square = squareBuffer.baseAddress!
        var j = 0
        while j < fullWidth {
          var p = 0
          while p < fullDepth {
            for row in 0..<lanes {
              square[row] = UnsafeRawPointer(source + (j + row) * ldb + p).loadUnaligned(as: KernelVector.self)
            }
            let transposed = transpose(square, scratch: scratchBuffer.baseAddress!)
            for row in 0..<lanes {
              UnsafeMutableRawPointer(sliver + (p + row) * tileColumns + j).storeBytes(
                of: transposed[row], as: KernelVector.self)
            }
            p += lanes
          }
          j += lanes
        }
      }
    }
    for p in 0..<depth {
      let row = sliver + p * tileColumns
      for j in (p < fullDepth ? fullWidth : 0)..<width {
        row[j] = source[j * ldb + p]
      }
    }
  }

  /// Transposes the `lanes` x `lanes` matrix whose rows are `square[0..<lanes]`; returns where the
  /// result is (`square` or `scratch`).
  ///
  /// Each round rebuilds the rows from the even and the odd lanes of pairs of rows, which rotates
  /// the bits of (row, column) by one; log2(lanes) rounds swap row and column.
  @inline(__always)
  static func transpose(
    _ square: UnsafeMutablePointer<KernelVector>, scratch: UnsafeMutablePointer<KernelVector>
  ) -> UnsafeMutablePointer<KernelVector> {
    var source = square
    var target = scratch
    var size = 1
    while size < lanes {
      for i in 0..<(lanes / 2) {
        let upper = source[2 * i]
        let lower = source[2 * i + 1]
        target[i] = KernelVector(lowHalf: upper.evenHalf, highHalf: lower.evenHalf)
        target[i + lanes / 2] = KernelVector(lowHalf: upper.oddHalf, highHalf: lower.oddHalf)
      }
      swap(&source, &target)
      size *= 2
    }
    return source
  }

  /// The micro-kernel: C[0..<rows, 0..<columns] (+)= A-tile x B-sliver over `depth`.
  ///
  /// A row r, depth p is `a[r * aRowStride + p * aDepthStride]`. Rows past `rows` reuse the last
  /// valid row (their results are discarded), so no load leaves the matrix.
  @inline(__always)
  static func multiplyTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    packedB: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, columns: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a
    let a1 = a + min(1, last) * aRowStride
    let a2 = a + min(2, last) * aRowStride
    let a3 = a + min(3, last) * aRowStride
    let a4 = a + min(4, last) * aRowStride
    let a5 = a + min(5, last) * aRowStride
    var c00 = KernelVector()
    var c01 = KernelVector()
    var c10 = KernelVector()
    var c11 = KernelVector()
    var c20 = KernelVector()
    var c21 = KernelVector()
    var c30 = KernelVector()
    var c31 = KernelVector()
    var c40 = KernelVector()
    var c41 = KernelVector()
    var c50 = KernelVector()
    var c51 = KernelVector()
    var bPointer = UnsafeRawPointer(packedB)
    var offset = 0
    for _ in 0..<depth {
      let b0 = bPointer.loadUnaligned(as: KernelVector.self)
      let b1 = bPointer.loadUnaligned(fromByteOffset: vectorBytes, as: KernelVector.self)
      var x = KernelVector(repeating: a0[offset])
      c00 = multiplyAdd(c00, x, b0)
      c01 = multiplyAdd(c01, x, b1)
      x = KernelVector(repeating: a1[offset])
      c10 = multiplyAdd(c10, x, b0)
      c11 = multiplyAdd(c11, x, b1)
      x = KernelVector(repeating: a2[offset])
      c20 = multiplyAdd(c20, x, b0)
      c21 = multiplyAdd(c21, x, b1)
      x = KernelVector(repeating: a3[offset])
      c30 = multiplyAdd(c30, x, b0)
      c31 = multiplyAdd(c31, x, b1)
      x = KernelVector(repeating: a4[offset])
      c40 = multiplyAdd(c40, x, b0)
      c41 = multiplyAdd(c41, x, b1)
      x = KernelVector(repeating: a5[offset])
      c50 = multiplyAdd(c50, x, b0)
      c51 = multiplyAdd(c51, x, b1)
      offset += aDepthStride
      bPointer += 2 * vectorBytes
    }
    storeRow(c00, c01, to: c, columns: columns, accumulate: accumulate)
    if rows > 1 { storeRow(c10, c11, to: c + ldc, columns: columns, accumulate: accumulate) }
    if rows > 2 { storeRow(c20, c21, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 3 { storeRow(c30, c31, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 4 { storeRow(c40, c41, to: c + 4 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 5 { storeRow(c50, c51, to: c + 5 * ldc, columns: columns, accumulate: accumulate) }
  }

  /// The micro-kernel for a sliver of at most `lanes` columns: as `multiplyTile`, with one vector
  /// per row (the packed sliver's right half is zero padding and is skipped).
  @inline(__always)
  static func multiplyNarrowTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    packedB: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, columns: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a
    let a1 = a + min(1, last) * aRowStride
    let a2 = a + min(2, last) * aRowStride
    let a3 = a + min(3, last) * aRowStride
    let a4 = a + min(4, last) * aRowStride
    let a5 = a + min(5, last) * aRowStride
    var c0 = KernelVector()
    var c1 = KernelVector()
    var c2 = KernelVector()
    var c3 = KernelVector()
    var c4 = KernelVector()
    var c5 = KernelVector()
    var bPointer = UnsafeRawPointer(packedB)
    var offset = 0
    for _ in 0..<depth {
      let b0 = bPointer.loadUnaligned(as: KernelVector.self)
      c0 = multiplyAdd(c0, KernelVector(repeating: a0[offset]), b0)
      c1 = multiplyAdd(c1, KernelVector(repeating: a1[offset]), b0)
      c2 = multiplyAdd(c2, KernelVector(repeating: a2[offset]), b0)
      c3 = multiplyAdd(c3, KernelVector(repeating: a3[offset]), b0)
      c4 = multiplyAdd(c4, KernelVector(repeating: a4[offset]), b0)
      c5 = multiplyAdd(c5, KernelVector(repeating: a5[offset]), b0)
      offset += aDepthStride
      bPointer += 2 * vectorBytes
    }
    let zero = KernelVector()
    storeRow(c0, zero, to: c, columns: columns, accumulate: accumulate)
    if rows > 1 { storeRow(c1, zero, to: c + ldc, columns: columns, accumulate: accumulate) }
    if rows > 2 { storeRow(c2, zero, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 3 { storeRow(c3, zero, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 4 { storeRow(c4, zero, to: c + 4 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 5 { storeRow(c5, zero, to: c + 5 * ldc, columns: columns, accumulate: accumulate) }
  }

  /// Writes (or adds) the first `columns` floats of the two-vector row `low, high` to `c`: whole
  /// vectors where they fit, then the remaining floats one by one.
  @inline(__always)
  static func storeRow(
    _ low: KernelVector, _ high: KernelVector, to c: UnsafeMutablePointer<Float>, columns: Int, accumulate: Bool
  ) {
    var rest = low
    var restStart = 0
    if columns >= lanes {
      storeVector(low, to: c, accumulate: accumulate)
      rest = high
      restStart = lanes
      if columns == tileColumns {
        storeVector(high, to: c + lanes, accumulate: accumulate)
        return
      }
    }
    withUnsafeBytes(of: rest) { bytes in
      let values = bytes.assumingMemoryBound(to: Float.self)
      for j in 0..<(columns - restStart) {
        let target = c + restStart + j
        target.pointee = accumulate ? target.pointee + values[j] : values[j]
      }
    }
  }

  /// Writes (or adds) one vector to `c`.
  @inline(__always)
  static func storeVector(_ value: KernelVector, to c: UnsafeMutablePointer<Float>, accumulate: Bool) {
    let target = UnsafeMutableRawPointer(c)
    let sum = accumulate ? value + target.loadUnaligned(as: KernelVector.self) : value
    target.storeBytes(of: sum, as: KernelVector.self)
  }
}
