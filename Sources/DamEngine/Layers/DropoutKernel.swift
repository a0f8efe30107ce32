/// Inverted dropout over [count] activations: keep each with probability keep = 1 - rate and scale
/// the kept ones by 1/keep, so E[dropped] = H; mask = 1/keep (kept) or 0 (dropped), dropped = H * mask.
///
/// Each 64-bit draw of the generator decides two units (its low and high 32 bits against
/// floor(keep * 2^32)), in order, so masks are reproducible from the seed.
enum DropoutKernel {
  static func apply<Scalar: EngineScalar>(
    values: UnsafePointer<Scalar>, mask: UnsafeMutablePointer<Scalar>, dropped: UnsafeMutablePointer<Scalar>,
    count: Int, rate: Double, generator: inout SeededGenerator
  ) {
    let keep = 1 - rate
    let threshold = UInt64((keep * 4_294_967_296).rounded(.down))
    let scale = Scalar(1 / keep)
    // A local copy keeps the generator state in registers (the stores below cannot alias it).
    var random = generator
    defer { generator = random }
    var i = 0
    while i < count {
      let bits = random.next()
      mask[i] = bits & 0xFFFF_FFFF < threshold ? scale : 0
      dropped[i] = values[i] * mask[i]
      if i + 1 < count {
        mask[i + 1] = bits >> 32 < threshold ? scale : 0
        dropped[i + 1] = values[i + 1] * mask[i + 1]
      }
      i += 2
    }
  }

  /// `apply` for `Float`, with the same masks, in two passes: the draws' 32-bit halves go into the mask
  /// buffer as raw bits (the generator state stays in registers), then one vector pass turns them into
  /// the mask and the dropped activations.
  static func apply(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, rate: Double, generator: inout SeededGenerator
  ) {
    let keep = 1 - rate
    let threshold = UInt64((keep * 4_294_967_296).rounded(.down))
    let scale = Float(1 / keep)
    let bits = UnsafeMutableRawPointer(mask)
    var random = generator
    var i = 0
    while i + 2 <= count {
      let draw = random.next()
      bits.storeBytes(of: UInt32(truncatingIfNeeded: draw), toByteOffset: 4 * i, as: UInt32.self)
      bits.storeBytes(of: UInt32(truncatingIfNeeded: draw >> 32), toByteOffset: 4 * i + 4, as: UInt32.self)
      i += 2
    }
    if i < count {
      bits.storeBytes(of: UInt32(truncatingIfNeeded: random.next()), toByteOffset: 4 * i, as: UInt32.self)
    }
    generator = random
    // bits < threshold, as bits <= threshold - 1 in 32 bits (threshold is at most 2^32).
    let largestKept = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: max(threshold, 1) - 1))
    let keepsAny = threshold > 0
    func maskAndDrop(at i: Int, count lanes: Int) {
      let kept = FloatVector(loading: mask + i, count: lanes).bitPatterns .<= largestKept
      let m = keepsAny ? FloatVector().replacing(with: scale, where: kept) : FloatVector()
      m.store(to: mask + i, count: lanes)
      (FloatVector(loading: values + i, count: lanes) * m).store(to: dropped + i, count: lanes)
    }
    i = 0
    while i + FloatVector.scalarCount <= count {
      maskAndDrop(at: i, count: FloatVector.scalarCount)
      i += FloatVector.scalarCount
    }
    if i < count { maskAndDrop(at: i, count: count - i) }
  }

  /// dH = dDropped * mask, in place.
  static func backward<Scalar: EngineScalar>(
    gradient: UnsafeMutablePointer<Scalar>, mask: UnsafePointer<Scalar>, count: Int
  ) {
    for i in 0..<count { gradient[i] *= mask[i] }
  }
}
