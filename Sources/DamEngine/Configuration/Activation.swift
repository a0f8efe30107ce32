/// The nonlinearity applied after every hidden dense layer.
///
/// The raw values are the names used in presets, on the command line and in the UI.
public enum Activation: String, CaseIterable, Sendable, Codable {
  /// sigma(z) = 1 / (1 + e^-z); saturates for |z| > ~5, the classic cause of vanishing gradients.
  case sigmoid
  /// tanh(z); zero-centred, still saturates.
  case tanh
  /// max(0, z); units whose input stays negative are dead.
  case relu
  /// z for z > 0, 0.01 z otherwise.
  case leakyRelu = "leaky-relu"
  /// z for z > 0, e^z - 1 otherwise (alpha = 1).
  case elu
  /// The identity: a deep linear net is still a linear model.
  case linear

  /// Whether this activation saturates (so "saturated fraction" is meaningful).
  public var saturates: Bool { self == .sigmoid || self == .tanh }

  /// Whether units of this activation can die (so "dead fraction" is meaningful).
  public var canDie: Bool { self == .relu }
}
