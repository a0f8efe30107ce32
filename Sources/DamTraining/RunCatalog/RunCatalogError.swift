/// Why a run folder or one of its files could not be read, in words for the user.
public struct RunCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, naming the path.
  public let message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
