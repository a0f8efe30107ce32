/// A terminal colour from the basic eight-colour palette, which every colour terminal has.
public enum TerminalColor: UInt8, Sendable, Hashable, CaseIterable {
  case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: optional foreground and background colours plus attributes.
///
/// Colour is decoration only: every widget also carries its meaning in glyphs or labels, so a
/// `NO_COLOR` or monochrome terminal (which ignores colours) loses nothing.
public struct Style: Sendable, Hashable {
  /// Foreground colour; nil is the terminal's default.
  public var foreground: TerminalColor?
  /// Background colour; nil is the terminal's default.
  public var background: TerminalColor?
  /// Bold (bright) text.
  public var bold: Bool
  /// Reverse video (used for selection, so it shows without colour).
  public var reverse: Bool
  /// Dim text.
  public var dim: Bool
  /// Underlined text.
  public var underline: Bool

  /// Creates a style; every part defaults to the terminal's plain text.
  public init(
    foreground: TerminalColor? = nil, background: TerminalColor? = nil,
    bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.dim = dim
    self.underline = underline
  }

  /// The terminal's plain text.
  public static let plain = Style()
}
