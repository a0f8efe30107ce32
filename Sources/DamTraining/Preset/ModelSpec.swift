import DamEngine

/// The network's shape and initial weights: the `[model]` table of a preset (except `dropout`, which
/// changes between steps and so lives in `Hyperparameters`).
public struct ModelSpec: Sendable, Equatable, Hashable, Codable {
  /// Widths of the hidden layers, input side first; empty is a linear/logistic model.
  /// Each width is in 1...1,000,000.
  public var hidden: [Int] = [16, 16]
  /// The activation after every hidden layer.
  public var activation: Activation = .tanh
  /// Batch normalization of every hidden layer before its activation (`batch_norm`; see
  /// `NetworkArchitecture.batchNorm`).
  public var batchNorm = false
  /// How weights are drawn (`init`, `init_gain`, `init_value`).
  public var initializer = Initializer(kind: .xavierUniform)

  /// The defaults listed on each property.
  public init() {}

  /// Creates a model description.
  public init(hidden: [Int], activation: Activation, initializer: Initializer, batchNorm: Bool = false) {
    self.hidden = hidden
    self.activation = activation
    self.initializer = initializer
    self.batchNorm = batchNorm
  }

  /// The architecture for data with `inputs` features and the output layer `head`.
  public func architecture(inputs: Int, head: OutputHead) -> NetworkArchitecture {
    NetworkArchitecture(inputs: inputs, hidden: hidden, activation: activation, head: head, batchNorm: batchNorm)
  }
}
