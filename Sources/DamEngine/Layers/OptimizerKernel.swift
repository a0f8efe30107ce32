#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The constants of one update, converted to the network's scalar.
struct UpdateCoefficients<Scalar: EngineScalar> {
  var kind: OptimizerKind
  /// Learning rate from the schedule.
  var learningRate: Scalar
  /// Multiplier on every gradient: min(1, clipNorm / (||g|| + 1e-6)) when clipping, else 1.
  var gradientScale: Scalar
  var momentum: Scalar
  var rho: Scalar
  var beta1: Scalar
  var beta2: Scalar
  var epsilon: Scalar
  /// Adam's lr / (1 - beta1^t) (the learning rate for the other optimizers, which do not read it).
  var adamStepSize: Scalar
  /// Adam's sqrt(1 - beta2^t) (1 for the other optimizers).
  var adamSecondCorrectionRoot: Scalar

  init(_ h: Hyperparameters, learningRate: Double, gradientScale: Double, optimizerStep t: Int) {
    kind = h.optimizer
    self.learningRate = Scalar(learningRate)
    self.gradientScale = Scalar(gradientScale)
    momentum = Scalar(h.momentum)
    rho = Scalar(h.rho)
    beta1 = Scalar(h.beta1)
    beta2 = Scalar(h.beta2)
    epsilon = Scalar(h.epsilon)
    // Adam's bias corrections: two pow calls on every step, so only for Adam.
    let isAdam = h.optimizer == .adam
    let power1 = isAdam ? pow(h.beta1, Double(t)) : 0
    let power2 = isAdam ? pow(h.beta2, Double(t)) : 0
    adamStepSize = Scalar(learningRate / (1 - power1))
    adamSecondCorrectionRoot = Scalar((1 - power2).squareRoot())
  }
}

/// One optimizer update over a contiguous run of parameters p with gradient g (PyTorch's rules, see
/// `OptimizerKind`), first moment b/m and second moment v, all at the same offsets.
enum OptimizerKernel {
  /// Updates `count` parameters; returns sum (p_after - p_before)^2 when `measure`, else 0.
  static func update<Scalar: EngineScalar>(
    _ c: UpdateCoefficients<Scalar>, parameters p: UnsafeMutablePointer<Scalar>,
    gradients: UnsafePointer<Scalar>, firstMoment m: UnsafeMutablePointer<Scalar>,
    secondMoment v: UnsafeMutablePointer<Scalar>, count: Int, measure: Bool
  ) -> Double {
    var changeSquared = 0.0
    let lr = c.learningRate
    switch c.kind {
    case .sgd:
      for i in 0..<count {
        let before = p[i]
        p[i] = before + -lr * (gradients[i] * c.gradientScale)
        if measure { changeSquared += Self.squaredChange(before, p[i]) }
      }
    case .momentum:
      for i in 0..<count {
        let before = p[i]
        m[i] = c.momentum * m[i] + gradients[i] * c.gradientScale
        p[i] = before + -lr * m[i]
        if measure { changeSquared += Self.squaredChange(before, p[i]) }
      }
    case .nesterov:
      for i in 0..<count {
        let before = p[i]
        let g = gradients[i] * c.gradientScale
        m[i] = c.momentum * m[i] + g
        p[i] = before + -lr * (g + c.momentum * m[i])
        if measure { changeSquared += Self.squaredChange(before, p[i]) }
      }
    case .rmsprop:
      for i in 0..<count {
        let before = p[i]
        let g = gradients[i] * c.gradientScale
        v[i] = c.rho * v[i] + (1 - c.rho) * g * g
        p[i] = before + -lr * (g / (v[i].squareRoot() + c.epsilon))
        if measure { changeSquared += Self.squaredChange(before, p[i]) }
      }
    case .adam:
      for i in 0..<count {
        let before = p[i]
        let g = gradients[i] * c.gradientScale
        m[i] = m[i] + (1 - c.beta1) * (g - m[i])
        v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g
        let denominator = v[i].squareRoot() / c.adamSecondCorrectionRoot + c.epsilon
        p[i] = before + -c.adamStepSize * (m[i] / denominator)
        if measure { changeSquared += Self.squaredChange(before, p[i]) }
      }
    }
    return changeSquared
  }

  @inline(__always)
  private static func squaredChange<Scalar: EngineScalar>(_ before: Scalar, _ after: Scalar) -> Double {
    let change = Double(after - before)
    return change * change
  }
}
