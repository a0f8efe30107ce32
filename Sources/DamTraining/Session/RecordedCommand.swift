/// A command as the session applied it: the command and the number of updates applied before it.
public struct RecordedCommand: Sendable, Equatable {
  /// Updates applied (the session's step) when the command took effect.
  public var step: Int
  /// The command.
  public var command: Command

  /// Creates an entry.
  public init(step: Int, command: Command) {
    self.step = step
    self.command = command
  }
}
