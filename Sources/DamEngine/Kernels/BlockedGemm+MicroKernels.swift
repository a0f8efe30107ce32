// The register-tile micro-kernels of `BlockedGemm` (compiled into every kernel target, like
// BlockedGemm.swift). Each computes C[0..<rows, 0..<columns] (+)= A-tile x B-sliver over `depth`,
// where A row r, depth p is `a[r * aRowStride + p * aDepthStride]` and row p of the B sliver
// (packed, or B itself) starts at `b + p * bRowStride`. Rows past `rows` reuse the last valid row
// (their results are discarded), so no load leaves the matrix.

extension BlockedGemm {
  /// The two-vector micro-kernel for `rows` (at most `KernelShape.wideTileRows`) rows: the
  /// instruction set's widest tile, or the four-row one when it wastes less on a ragged last tile.
  @inline(__always)
  static func multiplyWideTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, columns: Int, accumulate: Bool
  ) {
    if rows <= 4 {
      multiplyFourRowTile(
        depth: depth, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
        b: b, bRowStride: bRowStride,
        c: c, ldc: ldc, columns: columns, accumulate: accumulate)
    } else if KernelShape.wideTileRows == 8 {
      multiplyEightRowTile(
        depth: depth, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
        b: b, bRowStride: bRowStride,
        c: c, ldc: ldc, columns: columns, accumulate: accumulate)
    } else {
      multiplySixRowTile(
        depth: depth, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, rows: rows,
        b: b, bRowStride: bRowStride,
        c: c, ldc: ldc, columns: columns, accumulate: accumulate)
    }
  }

  /// The micro-kernel for 32 single-register vectors (AVX-512): eight rows of two vectors, 16
  /// accumulators.
  @inline(__always)
  static func multiplyEightRowTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, columns: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a
    let a1 = a + min(1, last) * aRowStride
    let a2 = a + min(2, last) * aRowStride
    let a3 = a + min(3, last) * aRowStride
    let a4 = a + min(4, last) * aRowStride
    let a5 = a + min(5, last) * aRowStride
    let a6 = a + min(6, last) * aRowStride
    let a7 = a + min(7, last) * aRowStride
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
    var c60 = KernelVector()
    var c61 = KernelVector()
    var c70 = KernelVector()
    var c71 = KernelVector()
    var bPointer = UnsafeRawPointer(b)
    let bRowBytes = bRowStride &* MemoryLayout<Float>.stride
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
      x = KernelVector(repeating: a6[offset])
      c60 = multiplyAdd(c60, x, b0)
      c61 = multiplyAdd(c61, x, b1)
      x = KernelVector(repeating: a7[offset])
      c70 = multiplyAdd(c70, x, b0)
      c71 = multiplyAdd(c71, x, b1)
      offset &+= aDepthStride
      bPointer += bRowBytes
    }
    storeRow(c00, c01, to: c, columns: columns, accumulate: accumulate)
    if rows > 1 { storeRow(c10, c11, to: c + ldc, columns: columns, accumulate: accumulate) }
    if rows > 2 { storeRow(c20, c21, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 3 { storeRow(c30, c31, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 4 { storeRow(c40, c41, to: c + 4 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 5 { storeRow(c50, c51, to: c + 5 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 6 { storeRow(c60, c61, to: c + 6 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 7 { storeRow(c70, c71, to: c + 7 * ldc, columns: columns, accumulate: accumulate) }
  }

  /// The micro-kernel for 32 registers holding 16 vectors (NEON, two registers per vector): six rows
  /// of two vectors, 12 accumulators.
  @inline(__always)
  static func multiplySixRowTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
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
    var bPointer = UnsafeRawPointer(b)
    let bRowBytes = bRowStride &* MemoryLayout<Float>.stride
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
      offset &+= aDepthStride
      bPointer += bRowBytes
    }
    storeRow(c00, c01, to: c, columns: columns, accumulate: accumulate)
    if rows > 1 { storeRow(c10, c11, to: c + ldc, columns: columns, accumulate: accumulate) }
    if rows > 2 { storeRow(c20, c21, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 3 { storeRow(c30, c31, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 4 { storeRow(c40, c41, to: c + 4 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 5 { storeRow(c50, c51, to: c + 5 * ldc, columns: columns, accumulate: accumulate) }
  }

  /// The micro-kernel for 16 vector registers (AVX2, SSE): four rows of two vectors, 8
  /// accumulators (six rows would not fit with the operands, and the compiler would spill
  /// accumulators to the stack inside the loop).
  @inline(__always)
  static func multiplyFourRowTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, columns: Int, accumulate: Bool
  ) {
    let last = rows - 1
    let a0 = a
    let a1 = a + min(1, last) * aRowStride
    let a2 = a + min(2, last) * aRowStride
    let a3 = a + min(3, last) * aRowStride
    var c00 = KernelVector()
    var c01 = KernelVector()
    var c10 = KernelVector()
    var c11 = KernelVector()
    var c20 = KernelVector()
    var c21 = KernelVector()
    var c30 = KernelVector()
    var c31 = KernelVector()
    var bPointer = UnsafeRawPointer(b)
    let bRowBytes = bRowStride &* MemoryLayout<Float>.stride
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
      offset &+= aDepthStride
      bPointer += bRowBytes
    }
    storeRow(c00, c01, to: c, columns: columns, accumulate: accumulate)
    if rows > 1 { storeRow(c10, c11, to: c + ldc, columns: columns, accumulate: accumulate) }
    if rows > 2 { storeRow(c20, c21, to: c + 2 * ldc, columns: columns, accumulate: accumulate) }
    if rows > 3 { storeRow(c30, c31, to: c + 3 * ldc, columns: columns, accumulate: accumulate) }
  }

  /// The micro-kernel for a sliver of at most `lanes` columns (packed one vector wide): six rows of
  /// one vector.
  @inline(__always)
  static func multiplyNarrowTile(
    depth: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int, rows: Int,
    b: UnsafePointer<Float>, bRowStride: Int,
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
    var bPointer = UnsafeRawPointer(b)
    let bRowBytes = bRowStride &* MemoryLayout<Float>.stride
    var offset = 0
    for _ in 0..<depth {
      let b0 = bPointer.loadUnaligned(as: KernelVector.self)
      c0 = multiplyAdd(c0, KernelVector(repeating: a0[offset]), b0)
      c1 = multiplyAdd(c1, KernelVector(repeating: a1[offset]), b0)
      c2 = multiplyAdd(c2, KernelVector(repeating: a2[offset]), b0)
      c3 = multiplyAdd(c3, KernelVector(repeating: a3[offset]), b0)
      c4 = multiplyAdd(c4, KernelVector(repeating: a4[offset]), b0)
      c5 = multiplyAdd(c5, KernelVector(repeating: a5[offset]), b0)
      offset &+= aDepthStride
      bPointer += bRowBytes
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
    _ low: KernelVector, _ high: KernelVector, to c: UnsafeMutablePointer<Float>, columns: Int,
    accumulate: Bool
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
  static func storeVector(
    _ value: KernelVector, to c: UnsafeMutablePointer<Float>, accumulate: Bool
  ) {
    let target = UnsafeMutableRawPointer(c)
    let sum = accumulate ? value + target.loadUnaligned(as: KernelVector.self) : value
    target.storeBytes(of: sum, as: KernelVector.self)
  }
}
