extension ParameterLayout {
  /// How the engine stores each weight block: W^T [in x out] in column panels of 32 units, so that a
  /// panel's rows are the inputs' weights to 32 consecutive units, contiguous.
  public static let weightStorage = MatrixStorage.columnPanels

  /// The index in the engine's flat vectors (parameters, gradients, moments) of weight W[unit, input]
  /// of dense layer `layer` (PyTorch's [out x in] indices).
  @inline(__always)
  public func storageIndex(layer: Int, unit: Int, input: Int) -> Int {
    weightOffset[layer]
      + Self.weightStorage.offset(
        row: input, column: unit, rows: fanIn[layer], columns: fanOut[layer], stride: fanOut[layer])
  }

  /// Calls `body` with the PyTorch-order index and the storage index of every weight of every layer.
  @inline(__always)
  private func forEachWeight(_ body: (_ pytorchIndex: Int, _ storageIndex: Int) -> Void) {
    for layer in 0..<layerCount {
      for unit in 0..<fanOut[layer] {
        for input in 0..<fanIn[layer] {
          body(weightOffset[layer] + unit * fanIn[layer] + input, storageIndex(layer: layer, unit: unit, input: input))
        }
      }
    }
  }

  /// Copies `count` scalars in PyTorch order (each weight [out x in] row-major) from `source` to
  /// `target` in storage order; the other tensors are copied as they are.
  func storageOrder<Scalar>(_ source: UnsafePointer<Scalar>, into target: UnsafeMutablePointer<Scalar>) {
    target.initialize(from: source, count: count)
    forEachWeight { pytorchIndex, storageIndex in target[storageIndex] = source[pytorchIndex] }
  }

  /// Copies `count` scalars in storage order from `source` to `target` in PyTorch order (the inverse of
  /// `storageOrder`).
  public func pytorchOrder<Scalar>(_ source: UnsafePointer<Scalar>, into target: UnsafeMutablePointer<Scalar>) {
    target.initialize(from: source, count: count)
    forEachWeight { pytorchIndex, storageIndex in target[pytorchIndex] = source[storageIndex] }
  }

  /// `source` [count] (storage order) as an array in PyTorch order.
  func pytorchOrdered<Scalar>(_ source: UnsafePointer<Scalar>) -> [Scalar] {
    [Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
      pytorchOrder(source, into: buffer.baseAddress!)
      initialized = count
    }
  }
}
