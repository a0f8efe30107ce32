/// Where each layer's tensors live in the flat parameter vector (llm.c style).
///
/// Parameters, gradients and both optimizer moments share this one layout, each in its own
/// contiguous block of `count` scalars: layer 0 weight [out x in] row-major, layer 0 bias [out],
/// layer 1 weight, ... (PyTorch's `nn.Sequential` order). Zeroing is one fill, the update one flat loop.
public struct ParameterLayout: Sendable, Equatable {
  /// Input width of each dense layer.
  public let fanIn: [Int]
  /// Output width of each dense layer.
  public let fanOut: [Int]
  /// Offset of each layer's weight matrix [fanOut x fanIn].
  public let weightOffset: [Int]
  /// Offset of each layer's bias vector [fanOut].
  public let biasOffset: [Int]
  /// Total number of scalars (weights and biases).
  public let count: Int

  /// The layout of `architecture` (which must be valid).
  public init(_ architecture: NetworkArchitecture) {
    let widths = architecture.widths
    var fanIn: [Int] = []
    var fanOut: [Int] = []
    var weightOffset: [Int] = []
    var biasOffset: [Int] = []
    var offset = 0
    for layer in 0..<(widths.count - 1) {
      fanIn.append(widths[layer])
      fanOut.append(widths[layer + 1])
      weightOffset.append(offset)
      offset += widths[layer] * widths[layer + 1]
      biasOffset.append(offset)
      offset += widths[layer + 1]
    }
    self.fanIn = fanIn
    self.fanOut = fanOut
    self.weightOffset = weightOffset
    self.biasOffset = biasOffset
    self.count = offset
  }

  /// Number of dense layers.
  public var layerCount: Int { fanIn.count }

  /// Number of weights (not biases) of `layer`.
  public func weightCount(_ layer: Int) -> Int { fanIn[layer] * fanOut[layer] }
}
