/// A setting outside what the engine accepts: which key, the rejected value, and what is allowed.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The preset-style key (`learning_rate`, `dropout`, `hidden`, ...).
  public var key: String
  /// The rejected value as written.
  public var value: String
  /// What would have been accepted, in words ("a finite number in (0, 10]").
  public var allowed: String

  /// Creates an error for `key`.
  public init(key: String, value: String, allowed: String) {
    self.key = key
    self.value = value
    self.allowed = allowed
  }

  public var description: String { "\(key) = \(value) is not allowed: expected \(allowed)" }
}
