import CNCurses

/// One result of `wget_wch`, decoded without touching the terminal.
enum CursesInput: Hashable, Sendable {
  /// A key.
  case key(Key)
  /// curses resized its screens (KEY_RESIZE); read the new size.
  case resize
  /// A mouse event is waiting (KEY_MOUSE); fetch it with getmouse.
  case mouse
  /// Nothing arrived before the timeout (ERR).
  case timeout
  /// A function key or character this program has no use for.
  case ignored

  /// Decodes `wget_wch`'s return `status` (OK, KEY_CODE_YES or ERR) and the code it stored.
  ///
  /// - OK: `code` is a character; control characters become named keys (Return, Tab, Escape,
  ///   Backspace), others stay characters.
  /// - KEY_CODE_YES: `code` is a curses key code (KEY_UP, KEY_RESIZE, KEY_MOUSE, ...).
  /// - ERR: the timeout passed.
  init(status: Int32, code: UInt32) {
    switch status {
    case OK: self = CursesInput.character(code)
    case KEY_CODE_YES: self = CursesInput.functionKey(Int32(truncatingIfNeeded: code))
    default: self = .timeout
    }
  }

  private static func character(_ code: UInt32) -> CursesInput {
    switch code {
    case 0x0D, 0x0A: return .key(.enter)
    case 0x09: return .key(.tab)
    case 0x1B: return .key(.escape)
    case 0x7F, 0x08: return .key(.backspace)
    default:
      guard let scalar = Unicode.Scalar(code) else { return .ignored }
      return .key(.character(Character(scalar)))
    }
  }

  private static func functionKey(_ code: Int32) -> CursesInput {
    if let key = namedKeys[code] { return .key(key) }
    switch code {
    case KEY_RESIZE: return .resize
    case KEY_MOUSE: return .mouse
    case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
    default: return .ignored
    }
  }

  private static let namedKeys: [Int32: Key] = [
    KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
    KEY_SR: .shiftUp, KEY_SF: .shiftDown, KEY_SLEFT: .shiftLeft, KEY_SRIGHT: .shiftRight,
    KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
    KEY_IC: .insert, KEY_DC: .delete, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace, KEY_BTAB: .backTab,
  ]
}
