// Packing of B slivers for `BlockedGemm` (compiled into every kernel target, like BlockedGemm.swift).

extension BlockedGemm {
  /// Four floats: the unit in which packing transposes, whatever `KernelVector` is (a 4 x 4 square
  /// transposes with single-instruction shuffles on every instruction set).
  typealias PackVector = SIMD4<Float>

  /// Floats per row of a packed sliver `width` columns wide: `tileColumns`, or `lanes` for a sliver
  /// the one-vector micro-kernel reads.
  @inline(__always)
  static func sliverStride(width: Int) -> Int {
    width > lanes ? tileColumns : lanes
  }

  /// Packs one sliver of op(B) = b: `sliver[p * stride + j] = source[p * ldb + j]` for j < width,
  /// zero for width <= j < stride. Full rows are copied as vectors.
  @inline(__always)
  static func packSliver(
    _ source: UnsafePointer<Float>, ldb: Int, depth: Int, width: Int,
    into sliver: UnsafeMutablePointer<Float>
  ) {
    let stride = sliverStride(width: width)
    if width == stride {
      for p in 0..<depth {
        let from = UnsafeRawPointer(source + p * ldb)
        let to = UnsafeMutableRawPointer(sliver + p * stride)
        var offset = 0
        while offset < stride * MemoryLayout<Float>.stride {
          to.storeBytes(
            of: from.loadUnaligned(fromByteOffset: offset, as: KernelVector.self),
            toByteOffset: offset,
            as: KernelVector.self)
          offset += vectorBytes
        }
      }
      return
    }
    for p in 0..<depth {
      let row = sliver + p * stride
      row.update(from: source + p * ldb, count: width)
      (row + width).update(repeating: 0, count: stride - width)
    }
  }

  /// Packs one sliver of op(B) = b^T: `sliver[p * stride + j] = source[j * ldb + p]` for j < width,
  /// zero for width <= j < stride. For each group of 4 columns of the sliver that lie inside b, squares
  /// of 4 x 4 floats are loaded as vectors (4 depths of 4 rows of b), transposed in registers and
  /// stored as vectors; the last `depth % 4` depths, and columns in a group that crosses `width`, are
  /// copied one by one.
  @inline(__always)
  static func packTransposedSliver(
    _ source: UnsafePointer<Float>, ldb: Int, depth: Int, width: Int,
    into sliver: UnsafeMutablePointer<Float>
  ) {
    let stride = sliverStride(width: width)
    let side = PackVector.scalarCount
    let squareDepth = depth / side * side
    let fullGroups = width / side * side
    let rowBytes = stride &* MemoryLayout<Float>.stride
    var j = 0
    while j < fullGroups {
      let column = UnsafeRawPointer(source + j &* ldb)
      let columnBytes = ldb &* MemoryLayout<Float>.stride
      let target = UnsafeMutableRawPointer(sliver + j)
      var p = 0
      while p < squareDepth {
        let from = column + p &* MemoryLayout<Float>.stride
        @inline(__always) func load(_ row: Int) -> PackVector {
          from.loadUnaligned(fromByteOffset: row &* columnBytes, as: PackVector.self)
        }
        let square = transposed((load(0), load(1), load(2), load(3)))
        let to = target + p &* rowBytes
        to.storeBytes(of: square.0, as: PackVector.self)
        to.storeBytes(of: square.1, toByteOffset: rowBytes, as: PackVector.self)
        to.storeBytes(of: square.2, toByteOffset: 2 &* rowBytes, as: PackVector.self)
        to.storeBytes(of: square.3, toByteOffset: 3 &* rowBytes, as: PackVector.self)
        p &+= side
      }
      j &+= side
    }
    for p in 0..<depth {
      let row = sliver + p &* stride
      for j in (p < squareDepth ? fullGroups : 0)..<width { row[j] = source[j &* ldb &+ p] }
      for j in width..<stride { row[j] = 0 }
    }
  }

  /// Four rows of four floats.
  typealias Square = (PackVector, PackVector, PackVector, PackVector)

  /// The transpose of `square` (rows become columns), in registers.
  ///
  /// Each round rebuilds the rows from the even and the odd lanes of pairs of rows, which rotates
  /// the two bits of (row, column) by one; two rounds swap row and column.
  @inline(__always)
  static func transposed(_ square: Square) -> Square {
    @inline(__always) func round(_ s: Square) -> Square {
      (
        PackVector(lowHalf: s.0.evenHalf, highHalf: s.1.evenHalf),
        PackVector(lowHalf: s.2.evenHalf, highHalf: s.3.evenHalf),
        PackVector(lowHalf: s.0.oddHalf, highHalf: s.1.oddHalf),
        PackVector(lowHalf: s.2.oddHalf, highHalf: s.3.oddHalf)
      )
    }
    return round(round(square))
  }
}
