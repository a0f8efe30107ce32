/// A key press as the UI model understands it, independent of any terminal library.
///
/// The executable maps its terminal's key events onto these cases; keys the UI has no use for are
/// simply not mapped.
public enum KeyInput: Sendable, Hashable {
  /// A printable character: letters, digits, punctuation and the space bar.
  case character(Character)
  /// Arrow keys.
  case up, down, left, right
  /// Left and right arrows with Shift held: larger steps.
  case shiftLeft, shiftRight
  /// Page keys: larger steps.
  case pageUp, pageDown
  /// Return or keypad Enter.
  case enter
  /// The Escape key.
  case escape
  /// Backspace.
  case backspace
  /// Tab, and Shift-Tab.
  case tab, backTab
  /// Ctrl-C read as a key (when the terminal does not turn it into a signal).
  case controlC

  /// How the key is written in the help text: `Up`, `Shift-Left`, `Space`, `k`.
  public var displayName: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .shiftLeft: "Shift-Left"
    case .shiftRight: "Shift-Right"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .enter: "Enter"
    case .escape: "Esc"
    case .backspace: "Backspace"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .controlC: "Ctrl-C"
    }
  }
}
