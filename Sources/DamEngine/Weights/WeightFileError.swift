/// Why a `.safetensors` weight file could not be read or written.
public enum WeightFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The bytes end before the header or a tensor does.
  case truncated
  /// The JSON header is malformed (`reason` says where).
  case invalidHeader(String)
  /// The header's `__metadata__` lacks a key or holds a value that is not a valid architecture.
  case invalidArchitecture(String)
  /// A tensor the architecture needs is absent.
  case missingTensor(String)
  /// A tensor that the architecture does not have.
  case unexpectedTensor(String)
  /// A tensor has another element type than F32.
  case unsupportedType(tensor: String, dtype: String)
  /// A tensor's shape differs from the architecture's.
  case shape(tensor: String, expected: [Int], actual: [Int])
  /// A tensor's byte range is inconsistent with its shape or lies outside the file.
  case offsets(tensor: String)
  /// The file describes another network than the one loading it.
  case architectureMismatch(expected: String, found: String)
  /// The operating system refused (`path`, `reason`).
  case io(path: String, reason: String)

  public var description: String {
    switch self {
    case .truncated: return "the weight file is truncated"
    case .invalidHeader(let reason): return "the weight file header is invalid: \(reason)"
    case .invalidArchitecture(let reason): return "the weight file's architecture is invalid: \(reason)"
    case .missingTensor(let name): return "the weight file lacks tensor \(name)"
    case .unexpectedTensor(let name): return "the weight file has an unexpected tensor \(name)"
    case .unsupportedType(let tensor, let dtype): return "tensor \(tensor) is \(dtype), expected F32"
    case .shape(let tensor, let expected, let actual):
      return "tensor \(tensor) has shape \(actual), expected \(expected)"
    case .offsets(let tensor): return "tensor \(tensor) has data offsets that do not match its shape or the file"
    case .architectureMismatch(let expected, let found):
      return "the weight file holds a \(found) network, expected \(expected)"
    case .io(let path, let reason): return "\(path): \(reason)"
    }
  }
}
