/// Why the terminal could not be started.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Standard input or standard output is not a terminal (a pipe, a file, /dev/null).
  case notATerminal
  /// curses does not know the terminal type (the value of `TERM`, nil when unset).
  case unknownTerminalType(String?)
  /// The terminal type cannot move the cursor (such as `dumb`), so it cannot show a full screen.
  case unsupportedTerminalType(String)

  /// A message for the user.
  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input and standard output must both be a terminal"
    case .unknownTerminalType(let name?):
      return "unknown terminal type '\(name)' (check the TERM environment variable)"
    case .unsupportedTerminalType(let name):
      return "terminal type '\(name)' cannot move the cursor, so it cannot show a full-screen program"
    case .unknownTerminalType(nil):
      return "no terminal type: the TERM environment variable is unset or empty"
    }
  }
}
