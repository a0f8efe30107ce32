/// A batch the network cannot use: wrong buffer sizes or targets outside the head's range.
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A batch of zero samples.
  case empty
  /// `inputs` holds `actual` scalars; `count` samples of the network's input width need `expected`.
  case inputSize(expected: Int, actual: Int)
  /// `targets` holds `actual` scalars; `count` samples need `expected` (1 per sample for
  /// classification, the output width for regression).
  case targetSize(expected: Int, actual: Int)
  /// Sample `sample` has target `value`, which the head does not accept (`allowed`).
  case target(sample: Int, value: Double, allowed: String)
  /// An index into the sample set is out of range.
  case index(Int, sampleCount: Int)
  /// The output buffer holds `actual` scalars; `expected` are needed.
  case outputSize(expected: Int, actual: Int)

  public var description: String {
    switch self {
    case .empty: return "the batch is empty"
    case .inputSize(let expected, let actual): return "inputs hold \(actual) values, expected \(expected)"
    case .targetSize(let expected, let actual): return "targets hold \(actual) values, expected \(expected)"
    case .target(let sample, let value, let allowed):
      return "sample \(sample) has target \(value), expected \(allowed)"
    case .index(let index, let sampleCount): return "sample index \(index) is outside 0..<\(sampleCount)"
    case .outputSize(let expected, let actual): return "output holds \(actual) values, expected \(expected)"
    }
  }
}
