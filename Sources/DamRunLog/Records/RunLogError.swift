/// A run-log file that could not be created or written: the path and the system's reason. Logging
/// reports it and training goes on.
public struct RunLogError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file or folder concerned.
  public var path: String
  /// What went wrong, in the system's words ("No space left on device").
  public var reason: String

  /// Creates an error.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "\(path): \(reason)" }
}
