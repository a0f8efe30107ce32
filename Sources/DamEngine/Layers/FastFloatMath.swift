// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512 (see `FloatVector+Memory.swift`).

/// e^x, log(1 + x) on [0, 1], sigmoid, tanh and elu for `Float`, a `FloatVector` at a time, with plain vector arithmetic,
/// selects and bit casts only (no calls, no FMA), so every x86-64 and arm64 build runs them as SIMD
/// code without needing a newer instruction set, and every build (of any vector width) computes the
/// same bits for the same input. The scalar forms evaluate the same lanes.
///
/// e^x follows Cephes `expf`: n = round(x log2 e), r = x - n ln 2 (in two parts), e^r by a degree-6
/// polynomial, times 2^n built in the exponent bits; relative error about 2 ulp for x in [-87, 88]
/// (inputs are clamped there, so sigmoid and tanh saturate cleanly). tanh uses Cephes' odd polynomial
/// for |x| < 0.625 and (1 - e^(-2|x|)) / (1 + e^(-2|x|)) otherwise. Results are a pure function of
/// the input, so training stays bit-reproducible.
enum FastFloatMath {
  @inline(__always)
  static func exp(_ x: FloatVector) -> FloatVector {
    var clamped = x.replacing(with: -87.3, where: x .<= -87.3)
    clamped.replace(with: 88.3, where: clamped .> 88.3)
    // Round to nearest by adding and subtracting 1.5 * 2^23; the integer sits in the low mantissa bits.
    let magic: Float = 12_582_912
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = clamped - n * 0.693_359_375 - n * -2.121_944_4e-4
    var p = FloatVector(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    let y = p * (r * r) + r + 1
    let exponent = (shifted.bitPatterns &- 0x4B40_0000 &+ 127) &<< 23
    return y * FloatVector(bitPatterns: exponent)
  }

  @inline(__always)
  static func sigmoid(_ x: FloatVector) -> FloatVector {
    1 / (1 + exp(-x))
  }

  @inline(__always)
  static func tanh(_ x: FloatVector) -> FloatVector {
    let magnitude = FloatVector(bitPatterns: x.bitPatterns & 0x7FFF_FFFF)
    let e = exp(-2 * magnitude)
    let large = (1 - e) / (1 + e)
    let z = x * x
    var p = FloatVector(repeating: -5.704_988_72e-3)
    p = p * z + 2.063_908_88e-2
    p = p * z - 5.373_971_56e-2
    p = p * z + 1.333_144_22e-1
    p = p * z - 3.333_328_19e-1
    let small = p * z * x + x
    let signed = FloatVector(bitPatterns: large.bitPatterns | (x.bitPatterns & 0x8000_0000))
    return signed.replacing(with: small, where: magnitude .< 0.625)
  }

  /// x for x > 0, e^x - 1 otherwise. e^x - 1 loses relative accuracy near 0 (absolute error ~1e-7),
  /// which is harmless next to the float32 rounding of the layer sums.
  @inline(__always)
  static func elu(_ x: FloatVector) -> FloatVector {
    (exp(x) - 1).replacing(with: x, where: x .> 0)
  }

  /// log(1 + x) for x in [0, 1] (as log(1 + e^-|z|) needs), following Cephes `logf`: 1 + x = 2^e (1 + f)
  /// with e = 0, f = x below sqrt 2 - 1 and e = 1, f = (x - 1) / 2 above (both exact or nearly, so no
  /// precision is lost forming 1 + x), log(1 + f) by its degree-9 polynomial, plus e ln 2 in two parts;
  /// about 2 ulp.
  @inline(__always)
  static func log1p(_ x: FloatVector) -> FloatVector {
    let upper = x .>= 0.414_213_56
    let f = x.replacing(with: (x - 1) * 0.5, where: upper)
    let e = FloatVector().replacing(with: 1, where: upper)
    let z = f * f
    var p = FloatVector(repeating: 7.037_683_6e-2)
    p = p * f - 1.151_461_03e-1
    p = p * f + 1.167_699_87e-1
    p = p * f - 1.242_014_08e-1
    p = p * f + 1.424_932_28e-1
    p = p * f - 1.666_805_77e-1
    p = p * f + 2.000_071_48e-1
    p = p * f - 2.499_999_40e-1
    p = p * f + 3.333_333_12e-1
    let y = p * f * z + e * -2.121_944_4e-4 - 0.5 * z
    return f + y + e * 0.693_359_375
  }

  /// e^x of one value.
  static func exp(_ x: Float) -> Float { exp(FloatVector(repeating: x))[0] }

  /// sigmoid(x) of one value.
  static func sigmoid(_ x: Float) -> Float { sigmoid(FloatVector(repeating: x))[0] }

  /// tanh(x) of one value.
  static func tanh(_ x: Float) -> Float { tanh(FloatVector(repeating: x))[0] }

  /// elu(x) of one value.
  static func elu(_ x: Float) -> Float { elu(FloatVector(repeating: x))[0] }
}
