// The element-wise Float kernels of DamEngine (symbolic links to its sources), compiled for
// AVX2 (eight lanes, one register) in release builds (see Package.swift).

/// The vector the element-wise kernels of this target work on.
typealias FloatVector = SIMD8<Float>

/// The bits of a `FloatVector`'s lanes, as unsigned integers.
typealias FloatVectorBits = SIMD8<UInt32>

/// DamEngine's element-wise Float kernels compiled for AVX2; DamEngine's `FloatKernelPaths`
/// calls them. They give the same bits as the portable build.
///
/// Call only when the CPU and OS support it (`dam_cpu_supports_avx2_fma()` from CCPUFeatures): release
/// builds of this module contain instructions that older CPUs do not have.
public enum AVX2Elementwise {
  /// H = f(Z + b) in place over `values` [rows x columns], `bias` [columns]; `activation` is the raw
  /// value of a `VectorActivation` (sigmoid, tanh, relu, leaky-relu, elu, linear).
  public static func addBiasAndActivate(
    _ activation: Int, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, columns: Int
  ) {
    FloatActivationVectors.addBiasAndActivate(
      VectorActivation(rawValue: activation)!, values: values, bias: bias, rows: rows, columns: columns)
  }

  /// dZ = dH * f'(H) in place on `gradient` [count], with H from `output` [count]; `activation` as in
  /// `addBiasAndActivate`.
  public static func activationBackward(
    _ activation: Int, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    FloatActivationVectors.backward(
      VectorActivation(rawValue: activation)!, gradient: gradient, output: output, count: count)
  }

  /// Inverted dropout's mask and dropped activations over `count` units drawn with `key` (see
  /// `DropoutVectors.apply`).
  public static func dropout(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, key: UInt64, largestKept: UInt32, scale: Float
  ) {
    DropoutVectors.apply(
      values: values, mask: mask, dropped: dropped, count: count, key: key, largestKept: largestKept, scale: scale)
  }

  /// dH = dDropped * mask, in place on `gradient` [count].
  public static func dropoutBackward(gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int) {
    DropoutVectors.backward(gradient: gradient, mask: mask, count: count)
  }

  /// The regularization and plain SGD sweep over `count` weights (see `FloatSGDVectors.sgd`).
  public static func sgd(
    weights: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int, step: Float,
    scale: Float, l1: Float, l2: Float, measures: Bool, updates: Bool
  ) -> (
    weightSquares: Double, weightMagnitudes: Double, dataGradientSquares: Double, gradientSquares: Double,
    changeSquares: Double
  ) {
    FloatSGDVectors.sgd(
      weights: weights, gradients: gradients, count: count, step: step, scale: scale, l1: l1, l2: l2,
      measures: measures, updates: updates)
  }
}
