/// Sums over parameter runs with 8 independent lanes, so they vectorize without fast-math; the lane
/// order is fixed, so results are reproducible.
enum VectorReductions {
  /// sum x^2 over `count` values.
  static func sumOfSquares<Scalar: EngineScalar>(_ x: UnsafePointer<Scalar>, count: Int) -> Scalar {
    var lanes = SIMD8<Scalar>()
    var i = 0
    while i + 8 <= count {
      let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Scalar>.self)
      lanes += v * v
      i += 8
    }
    var sum = lanes.sum()
    while i < count {
      sum += x[i] * x[i]
      i += 1
    }
    return sum
  }

  /// sum x over `count` values.
  static func sum<Scalar: EngineScalar>(_ x: UnsafePointer<Scalar>, count: Int) -> Scalar {
    var lanes = SIMD8<Scalar>()
    var i = 0
    while i + 8 <= count {
      lanes += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Scalar>.self)
      i += 8
    }
    var sum = lanes.sum()
    while i < count {
      sum += x[i]
      i += 1
    }
    return sum
  }

  /// sum |x| over `count` values.
  static func sumOfMagnitudes<Scalar: EngineScalar>(_ x: UnsafePointer<Scalar>, count: Int) -> Scalar {
    var lanes = SIMD8<Scalar>()
    var i = 0
    while i + 8 <= count {
      var magnitudes = SIMD8<Scalar>()
      for k in 0..<8 { magnitudes[k] = abs(x[i + k]) }
      lanes += magnitudes
      i += 8
    }
    var sum = lanes.sum()
    while i < count {
      sum += abs(x[i])
      i += 1
    }
    return sum
  }

  /// Adds the L1/L2 terms to a weight gradient in place: g <- g + l2 w + l1 sign(w) (sign(0) = 0).
  static func addPenaltyGradient<Scalar: EngineScalar>(
    weights w: UnsafePointer<Scalar>, gradient g: UnsafeMutablePointer<Scalar>, count: Int, l1: Scalar, l2: Scalar
  ) {
    for i in 0..<count {
      let weight = w[i]
      let sign: Scalar = weight > 0 ? 1 : (weight < 0 ? -1 : 0)
      g[i] = g[i] + l2 * weight + l1 * sign
    }
  }
}
