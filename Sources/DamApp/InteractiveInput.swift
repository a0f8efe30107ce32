import DamTerminal
import DamUI

/// How terminal events become UI events: the only place that knows both `DamTerminal` and `DamUI` input.
enum InteractiveInput {
  /// Ctrl-C as a character, when the terminal delivers it as a key rather than as SIGINT.
  static let controlC: Character = "\u{03}"

  /// The UI event for `event`, or nil for a key the UI has no use for.
  static func inputEvent(for event: TerminalEvent) -> InputEvent? {
    switch event {
    case .key(let key):
      return keyInput(for: key).map(InputEvent.key)
    case .mouse(let mouse):
      return .mouse(mouseInput(for: mouse))
    case .resize(let size):
      return .resize(width: size.width, height: size.height)
    case .quit:
      return .quit
    }
  }

  /// The UI key for a terminal key: Shift-Up/Down select like Up/Down, Shift-Left/Right take large steps;
  /// Home, End, Insert, Delete, function keys and control characters other than Ctrl-C are not used.
  static func keyInput(for key: Key) -> KeyInput? {
    switch key {
    case .character(controlC): .controlC
    case .character(let character): character.isPrintable ? .character(character) : nil
    case .up, .shiftUp: .up
    case .down, .shiftDown: .down
    case .left: .left
    case .right: .right
    case .shiftLeft: .shiftLeft
    case .shiftRight: .shiftRight
    case .pageUp: .pageUp
    case .pageDown: .pageDown
    case .enter: .enter
    case .escape: .escape
    case .backspace: .backspace
    case .tab: .tab
    case .backTab: .backTab
    case .home, .end, .insert, .delete, .function: nil
    }
  }

  /// The UI mouse action for a terminal mouse event (same cell coordinates).
  static func mouseInput(for mouse: MouseEvent) -> MouseInput {
    switch mouse {
    case .click(let x, let y): .click(x: x, y: y)
    case .wheelUp(let x, let y): .wheelUp(x: x, y: y)
    case .wheelDown(let x, let y): .wheelDown(x: x, y: y)
    }
  }
}

extension Character {
  /// Whether the character shows as text: not a control character (C0, DEL or C1).
  fileprivate var isPrintable: Bool {
    !unicodeScalars.contains { $0.properties.generalCategory == .control }
  }
}
