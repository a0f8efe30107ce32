// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512 (see `FloatVector+Memory.swift`).

/// The random bits of inverted dropout and its `Float` vector passes (see `DropoutKernel`).
///
/// Unit i of a call with the 64-bit key k = (high 32 bits k1, low 32 bits k0) gets the 32 bits
/// fmix(fmix(k0 + lo * 0x9E3779B9) xor (k1 + hi * 0x85EBCA77)), all arithmetic mod 2^32, where lo and
/// hi are the low and high 32 bits of i and fmix is MurmurHash3's 32-bit finalizer (a bijection with
/// full avalanche). Every unit's bits are a pure function of (key, i), so any vector width computes the
/// same masks, and the lanes need no serial generator state.
enum DropoutVectors {
  /// The Weyl increment of the low index bits: 2^32 / golden ratio, odd.
  static let lowStep: UInt32 = 0x9E37_79B9
  /// The increment of the second key per 2^32 units: odd, so every block of 2^32 gets its own key.
  static let highStep: UInt32 = 0x85EB_CA77

  /// MurmurHash3's 32-bit finalizer, per lane.
  @inline(__always)
  static func finalize(_ x: FloatVectorBits) -> FloatVectorBits {
    var x = x ^ (x &>> 16)
    x &*= 0x85EB_CA6B
    x ^= x &>> 13
    x &*= 0xC2B2_AE35
    return x ^ (x &>> 16)
  }

  /// 0, 1, 2, ... in the lanes.
  @inline(__always)
  static var laneIndices: FloatVectorBits {
    var indices = FloatVectorBits()
    for lane in 0..<FloatVectorBits.scalarCount { indices[lane] = UInt32(truncatingIfNeeded: lane) }
    return indices
  }

  /// The second key of the vector of units starting at `first` (a multiple of the vector width, so the
  /// lanes share the high index bits).
  @inline(__always)
  static func secondKey(_ key: UInt64, first: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: key >> 32) &+ UInt32(truncatingIfNeeded: first >> 32) &* highStep
  }

  /// The bits of units first, first + 1, ... (one per lane); `first` is a multiple of the vector width.
  @inline(__always)
  static func bits(_ key: UInt64, first: Int) -> FloatVectorBits {
    let low = (laneIndices &+ UInt32(truncatingIfNeeded: first)) &* lowStep &+ UInt32(truncatingIfNeeded: key)
    return finalize(finalize(low) ^ secondKey(key, first: first))
  }

  /// mask = `scale` where a unit's bits are at most `largestKept`, else 0; dropped = values * mask; over
  /// `count` units drawn with `key`.
  static func apply(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, key: UInt64, largestKept: UInt32, scale: Float
  ) {
    let lanes = FloatVector.scalarCount
    // The Weyl sequence k0 + lo * lowStep of the lanes, advanced one vector per iteration.
    var low = laneIndices &* lowStep &+ UInt32(truncatingIfNeeded: key)
    let advance = FloatVectorBits(repeating: UInt32(truncatingIfNeeded: lanes) &* lowStep)
    let limit = FloatVectorBits(repeating: largestKept)
    var i = 0
    while i + lanes <= count {
      let kept = finalize(finalize(low) ^ secondKey(key, first: i)) .<= limit
      let m = FloatVector().replacing(with: scale, where: kept)
      m.store(to: mask + i)
      (FloatVector(loading: values + i) * m).store(to: dropped + i)
      low &+= advance
      i += lanes
    }
    if i < count {
      let rest = count - i
      let kept = finalize(finalize(low) ^ secondKey(key, first: i)) .<= limit
      let m = FloatVector().replacing(with: scale, where: kept)
      m.store(to: mask + i, count: rest)
      (FloatVector(loading: values + i, count: rest) * m).store(to: dropped + i, count: rest)
    }
  }

  /// dH = dDropped * mask, in place on `gradient` [count].
  static func backward(gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int) {
    FloatActivationVectors.map(gradient: gradient, output: mask, count: count) { g, m in g * m }
  }
}
