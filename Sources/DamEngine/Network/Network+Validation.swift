extension Network {
  /// Checks that `inputs` and `targets` hold exactly `count` samples and that the targets are valid.
  func checkBatch(
    inputs: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, count: Int
  ) throws(BatchError) {
    try checkInputs(inputs, count: count)
    guard targets.count == count * targetWidth else {
      throw .targetSize(expected: count * targetWidth, actual: targets.count)
    }
    try checkTargets(targets, rows: count)
  }

  /// Checks that `inputs` holds exactly `count` samples (count >= 1).
  func checkInputs(_ inputs: UnsafeBufferPointer<Scalar>, count: Int) throws(BatchError) {
    guard count > 0 else { throw .empty }
    guard inputs.count == count * architecture.inputs, inputs.baseAddress != nil else {
      throw .inputSize(expected: count * architecture.inputs, actual: inputs.count)
    }
  }

  /// Checks a sample set of n samples (`samples` [n x inputs], `targets` [n x targetWidth]) and indices into it.
  func checkSampleSet(
    samples: UnsafeBufferPointer<Scalar>, targets: UnsafeBufferPointer<Scalar>, indices: UnsafeBufferPointer<Int>
  ) throws(BatchError) {
    guard !indices.isEmpty else { throw .empty }
    let sampleCount = samples.count / architecture.inputs
    guard samples.count == sampleCount * architecture.inputs, sampleCount > 0 else {
      throw .inputSize(expected: max(sampleCount, 1) * architecture.inputs, actual: samples.count)
    }
    guard targets.count == sampleCount * targetWidth else {
      throw .targetSize(expected: sampleCount * targetWidth, actual: targets.count)
    }
    for index in indices where index < 0 || index >= sampleCount {
      throw .index(index, sampleCount: sampleCount)
    }
  }

  /// Binary targets must lie in [0, 1], class indices must be integers in 0..<classes, regression
  /// targets must be finite.
  func checkTargets(_ targets: UnsafeBufferPointer<Scalar>, rows: Int) throws(BatchError) {
    switch architecture.head {
    case .binary:
      for row in 0..<rows where !(targets[row] >= 0 && targets[row] <= 1) {
        throw .target(sample: row, value: Double(targets[row]), allowed: "a number in [0, 1]")
      }
    case .multiclass(let classes):
      for row in 0..<rows {
        let value = targets[row]
        guard value >= 0, value < Scalar(classes), value == value.rounded(.towardZero) else {
          throw .target(sample: row, value: Double(value), allowed: "a class index in 0..<\(classes)")
        }
      }
    case .regression:
      for i in 0..<targets.count where !targets[i].isFinite {
        throw .target(sample: i / targetWidth, value: Double(targets[i]), allowed: "a finite number")
      }
    }
  }
}
