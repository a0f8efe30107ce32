/// Why a session could not start or a command could not be applied, in words for people.
public struct SessionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong and, where possible, what is allowed.
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
