/// The activations the element-wise kernels know (DamEngine's `Activation`, which the kernel builds
/// cannot see).
public enum VectorActivation: Int, Sendable {
  /// 1 / (1 + e^-x).
  case sigmoid
  /// tanh(x).
  case tanh
  /// max(0, x).
  case relu
  /// x for x > 0, 0.01 x otherwise.
  case leakyRelu
  /// x for x > 0, e^x - 1 otherwise.
  case elu
  /// x.
  case linear
}
