#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The multiclass head of `HeadKernels.loss` for `Float`, a row of logits at a time in `FloatVector`s:
/// e^(z - max) by `FastFloatMath.exp` (within 3 ulp of the C library's), the sum in lanes, and one
/// `logf` per row.
enum FloatSoftmaxKernel {
  /// Sum over the batch of logsumexp(z) - z_t and the number of rows whose first maximum is the target;
  /// when `gradient` is given, writes (softmax(z) - onehot(t)) * `gradientScale` there [rows x classes].
  static func loss(
    logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, classes: Int,
    gradient: UnsafeMutablePointer<Float>?, gradientScale: Float
  ) -> (loss: Double, correct: Int) {
    let lanes = FloatVector.scalarCount
    let whole = classes / lanes * lanes
    let rest = classes - whole
    // The lanes of the partial vector at the end of a row that hold classes.
    let inRest = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Int32>(repeating: Int32(rest))
    var total = 0.0
    var correct = 0
    for row in 0..<rows {
      let z = logits + row * classes
      let g = gradient.map { $0 + row * classes }
      let target = Int(targets[row])
      var best = 0
      for j in 1..<classes where z[j] > z[best] { best = j }
      let maximum = z[best]
      // e^(z - max) once per class, kept in the gradient row until the sum is known.
      var sums = FloatVector()
      var j = 0
      while j < whole {
        let e = FastFloatMath.exp(FloatVector(loading: z + j) - maximum)
        sums += e
        if let g { e.store(to: g + j) }
        j += lanes
      }
      if rest > 0 {
        let e = FloatVector().replacing(
          with: FastFloatMath.exp(FloatVector(loading: z + j, count: rest) - maximum), where: inRest)
        sums += e
        if let g { e.store(to: g + j, count: rest) }
      }
      let sum = sums.sum()
      if let g {
        let factor = gradientScale / sum
        j = 0
        while j < whole {
          (FloatVector(loading: g + j) * factor).store(to: g + j)
          j += lanes
        }
        if rest > 0 { (FloatVector(loading: g + j, count: rest) * factor).store(to: g + j, count: rest) }
        g[target] -= gradientScale
      }
      total += Double(maximum + logf(sum) - z[target])
      if best == target { correct += 1 }
    }
    return (total, correct)
  }
}
