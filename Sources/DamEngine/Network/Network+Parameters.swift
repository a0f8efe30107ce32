extension Network {
  /// A copy of all parameters [P] in `layout` order (weights [out x in] row-major, as PyTorch).
  public var parameters: [Scalar] {
    storage.layout.pytorchOrdered(storage.parameters)
  }

  /// A copy of the gradient [P] of the objective (data + L1/L2 terms, before clipping) from the last
  /// `trainStep` or `computeGradients` (see `keepsGradients` for the exception).
  public var gradients: [Scalar] {
    storage.layout.pytorchOrdered(storage.gradients)
  }

  /// A copy of batch normalization's running statistics [S] (`ParameterLayout.runningMeanOffset`:
  /// each hidden layer's running mean, then its running variance); empty without batch normalization.
  public var runningStatistics: [Scalar] {
    Array(UnsafeBufferPointer(start: storage.runningStatistics, count: storage.layout.statisticsCount))
  }

  /// Replaces the running statistics [S].
  /// - Throws: `ConfigurationError` when the count differs from `layout.statisticsCount`.
  public mutating func setRunningStatistics(_ values: [Scalar]) throws(ConfigurationError) {
    let layout = self.layout
    guard values.count == layout.statisticsCount else {
      throw ConfigurationError(
        key: "running_statistics", value: "\(values.count) values", allowed: "\(layout.statisticsCount) values")
    }
    uniqueStorage().runningStatistics.update(from: values, count: values.count)
  }

  /// Reads the parameters [P] without copying, in storage order: weight W[unit, input] of a layer is at
  /// `layout.storageIndex(layer:unit:input:)`; the other tensors are where `layout` says.
  public func withStoredParameters<Result>(_ body: (UnsafeBufferPointer<Scalar>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: storage.parameters, count: storage.parameterCount))
  }

  /// Reads the gradient [P] of `gradients` without copying, in storage order (as `withStoredParameters`).
  public func withStoredGradients<Result>(_ body: (UnsafeBufferPointer<Scalar>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: storage.gradients, count: storage.parameterCount))
  }

  /// Weight matrix of dense layer `layer`, [fanOut x fanIn] row-major.
  public func weights(layer: Int) -> [Scalar] {
    let layout = self.layout
    let fanIn = layout.fanIn[layer]
    return (0..<layout.weightCount(layer)).map { index in
      storage.parameters[layout.storageIndex(layer: layer, unit: index / fanIn, input: index % fanIn)]
    }
  }

  /// Bias vector of dense layer `layer`, [fanOut].
  public func bias(layer: Int) -> [Scalar] {
    Array(UnsafeBufferPointer(start: storage.parameters + layout.biasOffset[layer], count: layout.fanOut[layer]))
  }

  /// Replaces all parameters [P] (`layout` order); optimizer state and step are kept.
  /// - Throws: `ConfigurationError` when the count differs from `parameterCount`.
  public mutating func setParameters(_ values: [Scalar]) throws(ConfigurationError) {
    guard values.count == parameterCount else {
      throw ConfigurationError(key: "parameters", value: "\(values.count) values", allowed: "\(parameterCount) values")
    }
    let s = uniqueStorage()
    s.layout.storageOrder(values, into: s.parameters)
  }

  /// Replaces the weights [fanOut x fanIn] and bias [fanOut] of dense layer `layer`.
  /// - Throws: `ConfigurationError` for a layer index or sizes that do not fit.
  public mutating func setLayer(_ layer: Int, weights: [Scalar], bias: [Scalar]) throws(ConfigurationError) {
    guard layout.fanIn.indices.contains(layer) else {
      throw ConfigurationError(key: "layer", value: String(layer), allowed: "a layer index in 0..<\(layout.layerCount)")
    }
    guard weights.count == layout.weightCount(layer), bias.count == layout.fanOut[layer] else {
      throw ConfigurationError(
        key: "layers.\(layer)", value: "\(weights.count) weights and \(bias.count) biases",
        allowed: "\(layout.weightCount(layer)) weights [\(layout.fanOut[layer]) x \(layout.fanIn[layer])] and "
          + "\(layout.fanOut[layer]) biases")
    }
    let s = uniqueStorage()
    let fanIn = layout.fanIn[layer]
    for (index, weight) in weights.enumerated() {
      s.parameters[layout.storageIndex(layer: layer, unit: index / fanIn, input: index % fanIn)] = weight
    }
    (s.parameters + layout.biasOffset[layer]).update(from: bias, count: bias.count)
  }
}
