/// Element-wise activation forward and backward over a batch [rows x columns], row-major.
///
/// Every derivative is written in terms of the output H = f(Z), so only H is kept:
/// sigmoid' = H (1 - H); tanh' = 1 - H^2; relu' = [H > 0]; leaky-relu' = 1 if H > 0 else 0.01;
/// elu' = 1 if H > 0 else H + 1 (= e^Z); linear' = 1.
enum ActivationKernels {
  /// Z <- f(Z + b): adds the bias row `bias` [columns] to every row of `values` [rows x columns]
  /// and applies `activation` in place.
  static func addBiasAndActivate<Scalar: EngineScalar>(
    _ activation: Activation, values: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    rows: Int, columns: Int
  ) {
    for row in 0..<rows {
      let z = values + row * columns
      switch activation {
      case .sigmoid:
        for j in 0..<columns { z[j] = sigmoid(z[j] + bias[j]) }
      case .tanh:
        for j in 0..<columns { z[j] = Scalar.tanh(z[j] + bias[j]) }
      case .relu:
        for j in 0..<columns {
          let x = z[j] + bias[j]
          z[j] = x > 0 ? x : 0
        }
      case .leakyRelu:
        for j in 0..<columns {
          let x = z[j] + bias[j]
          z[j] = x > 0 ? x : 0.01 * x
        }
      case .elu:
        for j in 0..<columns {
          let x = z[j] + bias[j]
          z[j] = x > 0 ? x : Scalar.expm1(x)
        }
      case .linear:
        for j in 0..<columns { z[j] = z[j] + bias[j] }
      }
    }
  }

  /// Adds the bias row to every row, without an activation (the output layer's logits).
  static func addBias<Scalar: EngineScalar>(
    values: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>, rows: Int, columns: Int
  ) {
    for row in 0..<rows {
      let z = values + row * columns
      for j in 0..<columns { z[j] += bias[j] }
    }
  }

  /// dZ <- dH * f'(H), in place on `gradient` [count], with H from `output` [count].
  static func backward<Scalar: EngineScalar>(
    _ activation: Activation, gradient: UnsafeMutablePointer<Scalar>, output: UnsafePointer<Scalar>, count: Int
  ) {
    switch activation {
    case .sigmoid:
      for i in 0..<count { gradient[i] *= output[i] * (1 - output[i]) }
    case .tanh:
      for i in 0..<count { gradient[i] *= 1 - output[i] * output[i] }
    case .relu:
      for i in 0..<count { gradient[i] = output[i] > 0 ? gradient[i] : 0 }
    case .leakyRelu:
      for i in 0..<count { gradient[i] = output[i] > 0 ? gradient[i] : gradient[i] * 0.01 }
    case .elu:
      for i in 0..<count { gradient[i] = output[i] > 0 ? gradient[i] : gradient[i] * (output[i] + 1) }
    case .linear:
      break
    }
  }

  /// 1 / (1 + e^-x), computed without overflow for either sign.
  @inline(__always)
  static func sigmoid<Scalar: EngineScalar>(_ x: Scalar) -> Scalar {
    if x >= 0 { return 1 / (1 + Scalar.exp(-x)) }
    let e = Scalar.exp(x)
    return e / (1 + e)
  }
}
