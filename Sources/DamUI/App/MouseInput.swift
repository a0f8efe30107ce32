/// A mouse action at a cell (column `x`, row `y`, counted from the top-left of the screen).
public enum MouseInput: Sendable, Hashable {
  /// The primary button went down.
  case click(x: Int, y: Int)
  /// The wheel turned up (away from the user).
  case wheelUp(x: Int, y: Int)
  /// The wheel turned down (towards the user).
  case wheelDown(x: Int, y: Int)
}
