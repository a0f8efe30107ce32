/// Why a sweep cannot start: a malformed or invalid `--vary` argument, or sizes that make no sweep. The
/// message names the argument, the key and what is allowed.
public struct SweepError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, possibly several lines (one per problem).
  public let message: String

  /// An error with `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
