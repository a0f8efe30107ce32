/// A key the user pressed, decoded from curses input.
public enum Key: Hashable, Sendable {
  /// A printable or control character not covered by a named case (letters, digits, `+`, space...).
  case character(Character)
  /// Arrow keys.
  case up, down, left, right
  /// Arrow keys with Shift held (xterm reports Shift-Up/Down as scroll keys).
  case shiftUp, shiftDown, shiftLeft, shiftRight
  /// Paging and line-end keys.
  case pageUp, pageDown, home, end
  /// Insert and Delete.
  case insert, delete
  /// Return or keypad Enter.
  case enter
  /// The Escape key (after curses' short escape delay, so it is not confused with a key sequence).
  case escape
  /// Backspace (DEL, Ctrl-H or the terminal's backspace key).
  case backspace
  /// Tab, and Shift-Tab.
  case tab, backTab
  /// Function key F`n`, counting from 1.
  case function(Int)
}
