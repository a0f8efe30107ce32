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

  /// dH = dDropped * mask, in place.
  static func backward<Scalar: EngineScalar>(
    gradient: UnsafeMutablePointer<Scalar>, mask: UnsafePointer<Scalar>, count: Int
  ) {
    for i in 0..<count { gradient[i] *= mask[i] }
  }
}
