/// What the terminal can show, decided once at start.
public struct TerminalCapabilities: Hashable, Sendable {
  /// Whether the locale's character set is UTF-8, so box drawing, braille and block glyphs show;
  /// otherwise only ASCII is safe, and `present` replaces any other glyph with `?`.
  public var unicode: Bool
  /// Whether colours are used: the terminal has them and `NO_COLOR` is unset or empty.
  public var colors: Bool

  /// Creates capabilities.
  public init(unicode: Bool, colors: Bool) {
    self.unicode = unicode
    self.colors = colors
  }

  /// Decides the capabilities from the locale's codeset name (`nl_langinfo(CODESET)`), the value of
  /// the `NO_COLOR` environment variable (nil when unset) and whether the terminal has colours.
  ///
  /// Per no-color.org, `NO_COLOR` disables colour when it is present and not empty, whatever its value.
  public static func decide(codeset: String, noColor: String?, terminalHasColors: Bool) -> TerminalCapabilities {
    TerminalCapabilities(
      unicode: isUTF8(codeset: codeset),
      colors: terminalHasColors && (noColor ?? "").isEmpty
    )
  }

  /// Whether a codeset name means UTF-8 ("UTF-8", "utf8", "UTF8" ...).
  static func isUTF8(codeset: String) -> Bool {
    let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
    return normalized == "utf8"
  }
}
