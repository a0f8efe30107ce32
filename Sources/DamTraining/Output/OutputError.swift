/// Why an output cannot be written: the path as given and the reason, in words that say what to do.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path as given on the command line.
  public var path: String
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`, an empty path shown as `''`.
  public var description: String { "\(path.isEmpty ? "''" : path): \(message)" }
}
