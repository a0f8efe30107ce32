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

  /// C (+)= op(A) op(B); see `Gemm.multiply` for the parameters.
  ///
  /// The packing buffer (at most `depthBlock * columnBlock` floats) lives on the stack.
  @inline(__always)
  static func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
  ) {
    if m <= 0 || n <= 0 { return }
    if k <= 0 {
      if !accumulate { clear(rows: m, columns: n, c: c, ldc: ldc) }
      return
    }
    let aRowStride = transposeA ? 1 : lda
    let aDepthStride = transposeA ? lda : 1
    let paddedColumns = min(columnBlock, (n + tileColumns - 1) / tileColumns * tileColumns)
    let capacity = min(depthBlock, k) * paddedColumns
    withUnsafeTemporaryAllocation(byteCount: capacity * MemoryLayout<Float>.stride, alignment: 64) { buffer in
      let packed = buffer.baseAddress!.assumingMemoryBound(to: Float.self)
      var columnStart = 0
      while columnStart < n {
        let blockColumns = min(columnBlock, n - columnStart)
        var depthStart = 0
        while depthStart < k {
          let blockDepth = min(depthBlock, k - depthStart)
          packB(
            transposed: transposeB, b: b, ldb: ldb, depthStart: depthStart, depth: blockDepth,
            columnStart: columnStart, columns: blockColumns, into: packed)
          let addToC = accumulate || depthStart > 0
          var sliverStart = 0
          while sliverStart < blockColumns {
            let sliverColumns = min(tileColumns, blockColumns - sliverStart)
            let sliver = packed + sliverStart * blockDepth
            var rowStart = 0
            while rowStart < m {
              multiplyTile(
                depth: blockDepth,
                a: a + rowStart * aRowStride + depthStart * aDepthStride,
                aRowStride: aRowStride, aDepthStride: aDepthStride, rows: min(tileRows, m - rowStart),
                packedB: sliver,
                c: c + rowStart * ldc + columnStart + sliverStart, ldc: ldc, columns: sliverColumns,
                accumulate: addToC)
              rowStart += tileRows
            }
            sliverStart += tileColumns
          }
          depthStart += blockDepth
        }
        columnStart += blockColumns
      }
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
        // op(B)[p, j] = b[j * ldb + p]: read each column of op(B) contiguously.
        for j in 0..<width {
          let source = b + (firstColumn + j) * ldb + depthStart
          for p in 0..<depth {
            sliver[p * tileColumns + j] = source[p]
          }
        }
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

  /// Writes (or adds) the first `columns` floats of the two-vector row `low, high` to `c`.
  @inline(__always)
  static func storeRow(
    _ low: KernelVector, _ high: KernelVector, to c: UnsafeMutablePointer<Float>, columns: Int, accumulate: Bool
  ) {
    if columns == tileColumns {
      let row = UnsafeMutableRawPointer(c)
      var newLow = low
      var newHigh = high
      if accumulate {
        newLow += row.loadUnaligned(as: KernelVector.self)
        newHigh += row.loadUnaligned(fromByteOffset: vectorBytes, as: KernelVector.self)
      }
      row.storeBytes(of: newLow, as: KernelVector.self)
      row.storeBytes(of: newHigh, toByteOffset: vectorBytes, as: KernelVector.self)
      return
    }
    var j = 0
    while j < columns {
      let value = j < lanes ? low[j] : high[j - lanes]
      c[j] = accumulate ? c[j] + value : value
      j += 1
    }
  }
}
