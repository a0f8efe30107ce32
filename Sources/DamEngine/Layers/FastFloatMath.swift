/// Vectorized e^x, sigmoid and tanh for `Float` batches, 8 lanes at a time with plain multiply-adds
/// (no FMA, so every x86-64 and arm64 build vectorizes them and none needs a newer instruction set).
///
/// e^x follows Cephes `expf`: n = round(x log2 e), r = x - n ln 2 (in two parts), e^r by a degree-6
/// polynomial, times 2^n built in the exponent bits; relative error about 2 ulp for x in [-87, 88]
/// (inputs are clamped there, so sigmoid and tanh saturate cleanly). tanh uses Cephes' odd polynomial
/// for |x| < 0.625 and 1 - 2 / (e^(2|x|) + 1) otherwise. Results are a pure function of the input, so
/// training stays bit-reproducible.
enum FastFloatMath {
  typealias Vector = SIMD8<Float>

  @inline(__always)
  static func exp(_ x: Vector) -> Vector {
    let clamped = x.clamped(lowerBound: Vector(repeating: -87.3), upperBound: Vector(repeating: 88.3))
    // Round to nearest by adding and subtracting 1.5 * 2^23; the integer sits in the low mantissa bits.
    let magic = Vector(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = clamped - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = Vector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let y = p * (r * r) + r + 1
    let integer = shifted.bitPattern(as: Int32.self) &- 0x4B40_0000
    let scale = Vector(bitPattern: (integer &+ 127) &<< 23)
    return y * scale
  }

  @inline(__always)
  static func sigmoid(_ x: Vector) -> Vector {
    1 / (1 + exp(-x))
  }

  @inline(__always)
  static func tanh(_ x: Vector) -> Vector {
    let magnitude = x.replacing(with: -x, where: x .< 0)
    let large = 1 - 2 / (exp(2 * magnitude) + 1)
    let z = x * x
    var p = Vector(repeating: -5.704_988_72e-3)
    p = p * z + 2.063_908_88e-2
    p = p * z - 5.373_971_56e-2
    p = p * z + 1.333_144_22e-1
    p = p * z - 3.333_328_19e-1
    let small = p * z * x + x
    let signed = large.replacing(with: -large, where: x .< 0)
    return signed.replacing(with: small, where: magnitude .< 0.625)
  }

  /// x for x > 0, e^x - 1 otherwise. e^x - 1 loses relative accuracy near 0 (absolute error ~1e-7),
  /// which is harmless next to the float32 rounding of the layer sums.
  @inline(__always)
  static func elu(_ x: Vector) -> Vector {
    (exp(x) - 1).replacing(with: x, where: x .> 0)
  }

  /// values[i] <- f(values[i] + bias[i mod columns]) for one row of `columns` values, 8 at a time.
  @inline(__always)
  static func activateRow(
    _ values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, columns: Int, _ f: (Vector) -> Vector
  ) {
    var j = 0
    while j + 8 <= columns {
      let z =
        UnsafeRawPointer(values + j).loadUnaligned(as: Vector.self)
        + UnsafeRawPointer(bias + j).loadUnaligned(as: Vector.self)
      UnsafeMutableRawPointer(values + j).storeBytes(of: f(z), as: Vector.self)
      j += 8
    }
    if j < columns {
      var z = Vector()
      for k in 0..<(columns - j) { z[k] = values[j + k] + bias[j + k] }
      let h = f(z)
      for k in 0..<(columns - j) { values[j + k] = h[k] }
    }
  }
}

extension SIMD8<Float> {
  @inline(__always)
  fileprivate func bitPattern(as: Int32.Type) -> SIMD8<Int32> {
    unsafeBitCast(self, to: SIMD8<Int32>.self)
  }

  @inline(__always)
  fileprivate init(bitPattern bits: SIMD8<Int32>) {
    self = unsafeBitCast(bits, to: SIMD8<Float>.self)
  }
}
