/// Text that came from a file or an argument, made safe to print on a terminal.
///
/// A preset title, a key name, a CSV column name or a path can hold control characters: ESC starts the
/// sequences that clear the screen, move the cursor or retitle the window, BEL rings, CR overwrites the
/// line. Printed raw, a file could take over the user's terminal. `escaped` writes every control
/// character as a visible escape instead, as the screen already shows them as blanks (`GlyphEncoding`,
/// which could call `isControl`).
public enum TerminalText {
  /// Whether `scalar` is a C0 or C1 control character or DEL: U+0000...U+001F, U+007F...U+009F.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// `text` with each control character written as `\t`, `\r`, `\n` or `\u001B`, so printing it shows the
  /// characters rather than acting on them. With `keepingNewlines`, line feeds stay (a message of several
  /// lines); every other control character is still escaped.
  ///
  /// Text without control characters comes back unchanged.
  /// - Complexity: O(n) in the number of Unicode scalars.
  public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n" where keepingNewlines: result.append(scalar)
      case "\n": result.append(contentsOf: "\\n".unicodeScalars)
      case "\t": result.append(contentsOf: "\\t".unicodeScalars)
      case "\r": result.append(contentsOf: "\\r".unicodeScalars)
      case _ where isControl(scalar):
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}
