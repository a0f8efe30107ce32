#if canImport(DamGemmAVX2)
  import DamGemmAVX2
#endif
#if canImport(DamGemmAVX512)
  import DamGemmAVX512
#endif

/// The element-wise `Float` kernels (activations, dropout, the SGD sweep) on a `Gemm.Path`: the same
/// sources compiled for the baseline CPU (`portable`, eight-lane `FloatVector`), for AVX2 (eight lanes
/// in one register) and for AVX-512 (sixteen lanes), chosen like the GEMM's (`Gemm.Path.fastest`, CPUID).
/// None of them uses FMA or any other operation that rounds differently, so every path gives the same
/// bits.
enum FloatKernelPaths {
  /// `FloatActivationVectors.addBiasAndActivate` on `path`.
  static func addBiasAndActivate(
    _ activation: VectorActivation, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
    columns: Int, on path: Gemm.Path = .fastest
  ) {
    switch checked(path) {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Elementwise.addBiasAndActivate(
          activation.rawValue, values: values, bias: bias, rows: rows, columns: columns)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Elementwise.addBiasAndActivate(
          activation.rawValue, values: values, bias: bias, rows: rows, columns: columns)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .portable:
      FloatActivationVectors.addBiasAndActivate(activation, values: values, bias: bias, rows: rows, columns: columns)
    }
  }

  /// `FloatActivationVectors.backward` on `path`.
  static func activationBackward(
    _ activation: VectorActivation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int,
    on path: Gemm.Path = .fastest
  ) {
    switch checked(path) {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Elementwise.activationBackward(activation.rawValue, gradient: gradient, output: output, count: count)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Elementwise.activationBackward(activation.rawValue, gradient: gradient, output: output, count: count)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .portable:
      FloatActivationVectors.backward(activation, gradient: gradient, output: output, count: count)
    }
  }

  /// `DropoutVectors.apply` on `path`.
  static func dropout(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, key: UInt64, largestKept: UInt32, scale: Float, on path: Gemm.Path = .fastest
  ) {
    switch checked(path) {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Elementwise.dropout(
          values: values, mask: mask, dropped: dropped, count: count, key: key, largestKept: largestKept, scale: scale)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Elementwise.dropout(
          values: values, mask: mask, dropped: dropped, count: count, key: key, largestKept: largestKept, scale: scale)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .portable:
      DropoutVectors.apply(
        values: values, mask: mask, dropped: dropped, count: count, key: key, largestKept: largestKept, scale: scale)
    }
  }

  /// `DropoutVectors.backward` on `path`.
  static func dropoutBackward(
    gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int, on path: Gemm.Path = .fastest
  ) {
    switch checked(path) {
    case .avx512:
      #if canImport(DamGemmAVX512)
        AVX512Elementwise.dropoutBackward(gradient: gradient, mask: mask, count: count)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        AVX2Elementwise.dropoutBackward(gradient: gradient, mask: mask, count: count)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .portable:
      DropoutVectors.backward(gradient: gradient, mask: mask, count: count)
    }
  }

  /// `FloatSGDVectors.sgd` on `path`.
  static func sgd(
    weights: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int, step: Float,
    scale: Float, l1: Float, l2: Float, measures: Bool, updates: Bool, on path: Gemm.Path = .fastest
  ) -> SGDVectorSums {
    switch checked(path) {
    case .avx512:
      #if canImport(DamGemmAVX512)
        return AVX512Elementwise.sgd(
          weights: weights, gradients: gradients, count: count, step: step, scale: scale, l1: l1, l2: l2,
          measures: measures, updates: updates)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .avx2:
      #if canImport(DamGemmAVX2)
        return AVX2Elementwise.sgd(
          weights: weights, gradients: gradients, count: count, step: step, scale: scale, l1: l1, l2: l2,
          measures: measures, updates: updates)
      #else
        preconditionFailure("kernel path \(path) is not available in this build")
      #endif
    case .portable:
      return FloatSGDVectors.sgd(
        weights: weights, gradients: gradients, count: count, step: step, scale: scale, l1: l1, l2: l2,
        measures: measures, updates: updates)
    }
  }

  /// `path`, after checking that this CPU runs it (an unsupported path stops with a message instead of an
  /// illegal instruction).
  @inline(__always)
  private static func checked(_ path: Gemm.Path) -> Gemm.Path {
    precondition(path.isSupported, "kernel path \(path) is not supported on this CPU")
    return path
  }
}
