/// The vector the engine's Float element-wise kernels work on: eight lanes (two SSE2 registers on the
/// x86-64 baseline, two NEON registers on arm64). Loads and stores are unaligned; a `count` below
/// `scalarCount` touches only the first `count` floats (the ragged end of a row).
typealias FloatVector = SIMD8<Float>

extension FloatVector {
  /// Loads `count` floats from `pointer` (all eight when `count` is 8 or more); missing lanes are 0.
  @inline(__always)
  init(loading pointer: UnsafePointer<Float>, count: Int = FloatVector.scalarCount) {
    if count >= Self.scalarCount {
      self = UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    } else {
      self.init()
      for lane in 0..<count { self[lane] = pointer[lane] }
    }
  }

  /// Stores the first `count` lanes (all eight when `count` is 8 or more) at `pointer`.
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
  var bitPatterns: SIMD8<UInt32> { unsafeBitCast(self, to: SIMD8<UInt32>.self) }

  /// The vector whose lanes have the given bits.
  @inline(__always)
  init(bitPatterns: SIMD8<UInt32>) { self = unsafeBitCast(bitPatterns, to: Self.self) }
}
