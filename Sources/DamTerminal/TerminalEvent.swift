/// The size of the terminal in cells.
public struct TerminalSize: Hashable, Sendable {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// Creates a size; negative values are clamped to 0.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
}

/// What the mouse did, at which cell (column `x`, row `y`, from the top-left).
public enum MouseEvent: Hashable, Sendable {
  /// The primary button went down.
  case click(x: Int, y: Int)
  /// The wheel turned up (away from the user).
  case wheelUp(x: Int, y: Int)
  /// The wheel turned down (towards the user).
  case wheelDown(x: Int, y: Int)
}

/// Why the program is asked to quit.
public enum QuitReason: Hashable, Sendable {
  /// Ctrl-C (SIGINT).
  case interrupt
  /// SIGTERM.
  case terminate
  /// SIGHUP: the terminal hung up.
  case hangup
  /// Standard input reached its end or failed: no more keys will ever come.
  case inputClosed
}

/// One thing that happened at the terminal, delivered by `Terminal.readEvent(timeoutMilliseconds:)`.
///
/// Keys, mouse, resizes and quit requests all arrive through this one channel, so the main loop
/// applies them in order (as Bubble Tea does with its messages). Suspend (Ctrl-Z) and resume are
/// handled inside the terminal; after a resume it reports `.resize` with the current size, because
/// the screen must be laid out and drawn again.
public enum TerminalEvent: Hashable, Sendable {
  /// A key press.
  case key(Key)
  /// A mouse press or wheel turn.
  case mouse(MouseEvent)
  /// The terminal now has this size (after a resize, or a resume from Ctrl-Z); re-lay out and redraw.
  case resize(TerminalSize)
  /// Quit now; the loop should stop and call `Terminal.stop()`.
  case quit(QuitReason)
}
