import DamKernelTable

/// Inverted dropout over [count] activations: keep each with probability keep = 1 - rate and scale
/// the kept ones by 1/keep, so E[dropped] = H; mask = 1/keep (kept) or 0 (dropped), dropped = H * mask.
///
/// Each call takes one 64-bit draw from the generator as its key; unit i is kept when its 32 random
/// bits (a keyed hash of i, see `DropoutVectors`) are below floor(keep * 2^32). So masks are
/// reproducible from the seed, the `Float` and generic paths and every vector width draw the same
/// masks, and the bits of all units are computed in parallel, in SIMD lanes.
enum DropoutKernel {
  /// The generic path, a unit at a time (the `Double` reference).
  static func apply<Scalar: EngineScalar>(
    values: UnsafePointer<Scalar>, mask: UnsafeMutablePointer<Scalar>, dropped: UnsafeMutablePointer<Scalar>,
    count: Int, rate: Double, generator: inout SeededGenerator
  ) {
    let (key, largestKept, keepsAny) = draw(rate: rate, generator: &generator)
    let scale = keepsAny ? Scalar(1 / (1 - rate)) : 0
    let lanes = FloatVectorBits.scalarCount
    var first = 0
    while first < count {
      let bits = DropoutVectors.bits(key, first: first)
      for lane in 0..<min(lanes, count - first) {
        let i = first + lane
        mask[i] = bits[lane] <= largestKept ? scale : 0
        dropped[i] = values[i] * mask[i]
      }
      first += lanes
    }
  }

  /// `apply` for `Float`, with the same masks, in one vector pass on the CPU's widest kernel path.
  static func apply(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, rate: Double, generator: inout SeededGenerator
  ) {
    let (key, largestKept, keepsAny) = draw(rate: rate, generator: &generator)
    KernelTable.fastest.dropout(
      values: values, mask: mask, dropped: dropped, count: count, key: key, largestKept: largestKept,
      scale: keepsAny ? Float(1 / (1 - rate)) : 0)
  }

  /// dH = dDropped * mask, in place (vectorized for `Float`).
  static func backward<Scalar: EngineScalar>(
    gradient: UnsafeMutablePointer<Scalar>, mask: UnsafePointer<Scalar>, count: Int
  ) {
    if Scalar.self == Float.self {
      // The casts are the identity here.
      KernelTable.fastest.dropoutBackward(
        gradient: UnsafeMutableRawPointer(gradient).assumingMemoryBound(to: Float.self),
        mask: UnsafeRawPointer(mask).assumingMemoryBound(to: Float.self), count: count)
      return
    }
    for i in 0..<count { gradient[i] *= mask[i] }
  }

  /// The call's key (one draw) and the largest kept 32-bit value, floor(keep * 2^32) - 1; `keepsAny` is
  /// false when floor(keep * 2^32) = 0 (no unit is kept).
  private static func draw(
    rate: Double, generator: inout SeededGenerator
  ) -> (key: UInt64, largestKept: UInt32, keepsAny: Bool) {
    let threshold = UInt64(((1 - rate) * 4_294_967_296).rounded(.down))
    return (generator.next(), UInt32(truncatingIfNeeded: max(threshold, 1) - 1), threshold > 0)
  }
}
