import DamScreen

/// The editing state of a one-line text entry: its text and cursor (drawn by the `TextInput` widget).
public struct TextField: Sendable, Hashable {
  /// The text typed so far.
  public private(set) var text: String
  /// The cursor's position, 0...text.count.
  public private(set) var cursor: Int

  /// A field holding `text`, with the cursor at its end.
  public init(_ text: String = "") {
    self.text = text
    self.cursor = text.count
  }

  /// Applies an editing key: a printable character is inserted at the cursor, Backspace deletes the
  /// character before it, Left and Right move it. Returns false for keys that do not edit.
  public mutating func edit(_ key: KeyInput) -> Bool {
    switch key {
    case .character(let character) where !character.isControlCharacter:
      let index = text.index(text.startIndex, offsetBy: cursor)
      text.insert(character, at: index)
      cursor += 1
    case .backspace:
      guard cursor > 0 else { return true }
      let index = text.index(text.startIndex, offsetBy: cursor - 1)
      text.remove(at: index)
      cursor -= 1
    case .left:
      cursor = max(0, cursor - 1)
    case .right:
      cursor = min(text.count, cursor + 1)
    default:
      return false
    }
    return true
  }
}

extension Character {
  fileprivate var isControlCharacter: Bool {
    unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
  }
}
