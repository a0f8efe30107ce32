/// Where each layer's tensors live in the flat parameter vector (llm.c style).
///
/// Parameters, gradients and both optimizer moments share this one layout, each in its own
/// contiguous block of `count` scalars: layer 0 weight [out x in], layer 0 bias [out],
/// (batch normalization: layer 0 gamma [out], layer 0 beta [out]), layer 1 weight, ... (PyTorch's
/// `nn.Sequential(Linear, BatchNorm1d, activation, ...)` order). Zeroing is one fill, the update one
/// flat loop.
///
/// Two orders of the elements inside each weight block: the public one (`Network.parameters`,
/// `NetworkState`, safetensors files) is PyTorch's, W [out x in] row-major; the engine's storage keeps
/// W^T [in x out] in column panels (`weightStorage`), which the forward pass multiplies by without
/// packing. Element-wise work (regularization, optimizers, norms) does not care about the order;
/// `storageIndex(layer:unit:input:)` and `storageOrder`/`pytorchOrder` convert.
///
/// Batch normalization's running statistics are not trained: they live in a vector of their own,
/// `statisticsCount` scalars (layer 0 running mean [out], layer 0 running variance [out], layer 1 ...).
public struct ParameterLayout: Sendable, Equatable {
  /// Input width of each dense layer.
  public let fanIn: [Int]
  /// Output width of each dense layer.
  public let fanOut: [Int]
  /// Offset of each layer's weight matrix [fanOut x fanIn].
  public let weightOffset: [Int]
  /// Offset of each layer's bias vector [fanOut].
  public let biasOffset: [Int]
  /// Whether the hidden layers are batch-normalized.
  public let batchNorm: Bool
  /// Offset of each hidden layer's batch-normalization scale gamma [fanOut] (empty without `batchNorm`);
  /// its shift beta [fanOut] follows at `scaleOffset[layer] + fanOut[layer]`.
  public let scaleOffset: [Int]
  /// Offset of each hidden layer's running mean [fanOut] in the statistics vector (empty without
  /// `batchNorm`); its running variance [fanOut] follows at `runningMeanOffset[layer] + fanOut[layer]`.
  public let runningMeanOffset: [Int]
  /// Total number of parameter scalars (weights, biases, gammas and betas).
  public let count: Int
  /// Total number of running-statistics scalars (0 without `batchNorm`).
  public let statisticsCount: Int

  /// The layout of `architecture` (which must be valid).
  public init(_ architecture: NetworkArchitecture) {
    let widths = architecture.widths
    let layerCount = widths.count - 1
    var fanIn: [Int] = []
    var fanOut: [Int] = []
    var weightOffset: [Int] = []
    var biasOffset: [Int] = []
    var scaleOffset: [Int] = []
    var runningMeanOffset: [Int] = []
    var offset = 0
    var statistics = 0
    for layer in 0..<layerCount {
      fanIn.append(widths[layer])
      fanOut.append(widths[layer + 1])
      weightOffset.append(offset)
      offset += widths[layer] * widths[layer + 1]
      biasOffset.append(offset)
      offset += widths[layer + 1]
      if architecture.batchNorm && layer < layerCount - 1 {
        scaleOffset.append(offset)
        offset += 2 * widths[layer + 1]
        runningMeanOffset.append(statistics)
        statistics += 2 * widths[layer + 1]
      }
    }
    self.fanIn = fanIn
    self.fanOut = fanOut
    self.weightOffset = weightOffset
    self.biasOffset = biasOffset
    self.batchNorm = architecture.batchNorm
    self.scaleOffset = scaleOffset
    self.runningMeanOffset = runningMeanOffset
    self.count = offset
    self.statisticsCount = statistics
  }

  /// Number of dense layers.
  public var layerCount: Int { fanIn.count }

  /// Number of weights (not biases) of `layer`.
  public func weightCount(_ layer: Int) -> Int { fanIn[layer] * fanOut[layer] }

  /// Whether `layer` is batch-normalized (a hidden layer of a `batchNorm` network).
  @inline(__always)
  public func isNormalized(_ layer: Int) -> Bool { batchNorm && layer < layerCount - 1 }

  /// Number of scalars from `biasOffset[layer]` on that are trained without L1/L2: the bias [fanOut],
  /// then, for a batch-normalized layer, gamma and beta [fanOut each].
  @inline(__always)
  public func unregularizedCount(_ layer: Int) -> Int { isNormalized(layer) ? 3 * fanOut[layer] : fanOut[layer] }
}
