// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512 (see `FloatVector+Memory.swift`).

/// The binary head of DamEngine's `HeadKernels.loss` for `Float` on `FloatVector`s: per sample
/// L = max(z, 0) - z t + log(1 + e^-|z|) and dL/dz = sigmoid(z) - t, with `FastFloatMath` for e^x,
/// log(1 + x) and the sigmoid. Every element gets the same arithmetic at every vector width, and the loss
/// is summed in `Double` in sample order, so every build gives the same bits.
enum FloatBinaryLossVectors {
  /// Sum over the `rows` samples of the loss and the number with [z > 0] = [t >= 0.5]; when `gradient` is
  /// given, writes (sigmoid(z) - t) * `gradientScale` there [rows].
  static func loss(
    logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, gradient: UnsafeMutablePointer<Float>?,
    gradientScale: Float
  ) -> (loss: Double, correct: Int) {
    let lanes = FloatVector.scalarCount
    var total = 0.0
    var correct = 0
    var i = 0
    while i < rows {
      let count = min(lanes, rows - i)
      let z = FloatVector(loading: logits + i, count: count)
      let t = FloatVector(loading: targets + i, count: count)
      let magnitude = FloatVector(bitPatterns: z.bitPatterns & 0x7FFF_FFFF)
      let losses = z.replacing(with: 0, where: .!(z .> 0)) - z * t + FastFloatMath.log1p(FastFloatMath.exp(-magnitude))
      let agrees = .!((z .> 0) .^ (t .>= 0.5))
      for lane in 0..<count {
        total += Double(losses[lane])
        if agrees[lane] { correct += 1 }
      }
      if let gradient { ((FastFloatMath.sigmoid(z) - t) * gradientScale).store(to: gradient + i, count: count) }
      i += lanes
    }
    return (total, correct)
  }
}
