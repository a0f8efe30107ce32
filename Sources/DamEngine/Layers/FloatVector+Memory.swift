// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512; the including module supplies `FloatVector` (a SIMD vector of Float) and
// `FloatVectorBits` (the SIMD vector of UInt32 with as many lanes).

extension FloatVector {
  /// Loads `count` floats from `pointer` (all lanes when `count` is `scalarCount` or more); missing lanes
  /// are 0. Loads are unaligned.
  @inline(__always)
  init(loading pointer: UnsafePointer<Float>, count: Int = FloatVector.scalarCount) {
    if count >= Self.scalarCount {
      self = UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    } else {
      self.init()
      for lane in 0..<count { self[lane] = pointer[lane] }
    }
  }

  /// Stores the first `count` lanes (all lanes when `count` is `scalarCount` or more) at `pointer`.
  @inline(__always)
  func store(to pointer: UnsafeMutablePointer<Float>, count: Int = FloatVector.scalarCount) {
    if count >= Self.scalarCount {
      UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
    } else {
      for lane in 0..<count { pointer[lane] = self[lane] }
    }
  }

  /// The lanes' bits as unsigned integers.
  @inline(__always)
  var bitPatterns: FloatVectorBits { unsafeBitCast(self, to: FloatVectorBits.self) }

  /// The vector whose lanes have the given bits.
  @inline(__always)
  init(bitPatterns: FloatVectorBits) { self = unsafeBitCast(bitPatterns, to: Self.self) }
}
