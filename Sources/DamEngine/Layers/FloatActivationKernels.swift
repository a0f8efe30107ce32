import DamKernelTable

/// `ActivationKernels` for `Float`: `FloatActivationVectors` on the CPU's fastest kernel table
/// (`KernelTable.fastest`).
enum FloatActivationKernels {
  /// H = f(Z + b) in place over `values` [rows x columns], `bias` [columns].
  static func addBiasAndActivate(
    _ activation: Activation, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, columns: Int
  ) {
    KernelTable.fastest.addBiasAndActivate(
      vectorActivation(activation), values: values, bias: bias, rows: rows, columns: columns)
  }

  /// dZ = dH * f'(H) in place on `gradient` [count], with H from `output` [count].
  static func backward(
    _ activation: Activation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    KernelTable.fastest.activationBackward(
      vectorActivation(activation), gradient: gradient, output: output, count: count)
  }

  /// The kernels' number for `activation`.
  static func vectorActivation(_ activation: Activation) -> VectorActivation {
    switch activation {
    case .sigmoid: return .sigmoid
    case .tanh: return .tanh
    case .relu: return .relu
    case .leakyRelu: return .leakyRelu
    case .elu: return .elu
    case .linear: return .linear
    }
  }
}
