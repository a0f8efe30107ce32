/// The shape of a network: what changes only by rebuilding it.
///
/// Dense layers are numbered from the input side: layer 0 maps `inputs` to `hidden[0]`, the last maps
/// the last hidden width to `head.outputWidth`. Every hidden layer is followed by `activation`; with
/// `batchNorm`, by batch normalization and then `activation` (see `BatchNormKernel`).
public struct NetworkArchitecture: Sendable, Equatable, Hashable, Codable {
  /// Number of input features.
  public var inputs: Int
  /// Widths of the hidden layers, input side first; empty is a linear/logistic model.
  public var hidden: [Int]
  /// The hidden activation.
  public var activation: Activation
  /// The output layer and loss.
  public var head: OutputHead
  /// Batch normalization of every hidden layer's pre-activation Z (not the output layer's), with a
  /// learnable scale gamma and shift beta per unit and running statistics for evaluation, as PyTorch's
  /// `nn.Sequential(Linear, BatchNorm1d, activation, ...)`.
  public var batchNorm: Bool

  /// Creates an architecture.
  public init(inputs: Int, hidden: [Int], activation: Activation, head: OutputHead, batchNorm: Bool = false) {
    self.inputs = inputs
    self.hidden = hidden
    self.activation = activation
    self.head = head
    self.batchNorm = batchNorm
  }

  /// Widths of every layer boundary: inputs, hidden..., outputs.
  public var widths: [Int] { [inputs] + hidden + [head.outputWidth] }

  /// Number of dense layers (hidden layers + the output layer).
  public var layerCount: Int { hidden.count + 1 }

  /// Total trainable parameters (weights, biases and, with `batchNorm`, each hidden unit's gamma and beta).
  public var parameterCount: Int {
    let w = widths
    var total = 0
    for layer in 0..<(w.count - 1) {
      let normalization = batchNorm && layer < hidden.count ? 2 : 0
      total += (w[layer] + 1 + normalization) * w[layer + 1]
    }
    return total
  }

  /// Largest parameter count accepted (about 1 GiB of weights, before gradients and moments).
  public static let maximumParameterCount = 256 * 1024 * 1024

  /// Checks widths and size.
  /// - Throws: `ConfigurationError` for a zero-width layer, no inputs, or a network too large for memory.
  public func validate() throws(ConfigurationError) {
    guard inputs >= 1 else {
      throw ConfigurationError(key: "inputs", value: String(inputs), allowed: "at least one input feature")
    }
    for width in hidden where width < 1 || width > 1_000_000 {
      throw ConfigurationError(
        key: "hidden", value: "\(hidden)", allowed: "an array of layer widths, each in 1...1000000")
    }
    if case .multiclass(let classes) = head, classes < 2 {
      throw ConfigurationError(key: "classes", value: String(classes), allowed: "at least 2 classes")
    }
    if case .regression(let outputs) = head, outputs < 1 {
      throw ConfigurationError(key: "outputs", value: String(outputs), allowed: "at least 1 output")
    }
    // Double cannot overflow here and is exact far beyond the limit.
    let w = widths
    var total = 0.0
    for layer in 0..<(w.count - 1) {
      let normalization = batchNorm && layer < hidden.count ? 2.0 : 0.0
      total += (Double(w[layer]) + 1 + normalization) * Double(w[layer + 1])
    }
    guard total <= Double(Self.maximumParameterCount) else {
      throw ConfigurationError(
        key: "hidden", value: "\(hidden)",
        allowed: "a network of at most \(Self.maximumParameterCount) parameters (this one has \(Int(total)))")
    }
  }
}
