/// The characters widgets draw with, chosen once from what the terminal can show.
///
/// Every graph glyph comes from a table of the set (btop's idea): a chart computes sub-cell dots, a
/// bar computes eighths, a heatmap computes a shade level, and the set turns those numbers into
/// characters. Swapping the set renders the same widget on any terminal.
public enum GlyphSet: Sendable, Hashable, CaseIterable {
  /// UTF-8 with braille: 2x4 dots per cell, box drawing, block shades.
  case braille
  /// UTF-8 without braille (some fonts lack it): 2x2 quadrant blocks per cell, box drawing, block shades.
  case block
  /// Plain ASCII for non-UTF-8 locales: 1x3 sub-rows per cell, `+-|` boxes, a character shade ramp.
  case ascii

  /// The set for a terminal: ASCII unless the locale is UTF-8, braille unless the font lacks it.
  public init(utf8: Bool, braille: Bool = true) {
    if !utf8 {
      self = .ascii
    } else {
      self = braille ? .braille : .block
    }
  }

  /// Whether the set uses characters beyond ASCII.
  public var isUnicode: Bool { self != .ascii }

  /// The line-drawing characters for boxes and axes.
  public var box: BoxGlyphs { isUnicode ? .unicode : .ascii }

  /// Dot columns per cell in a ``DotGrid``.
  public var dotColumns: Int {
    switch self {
    case .braille, .block: 2
    case .ascii: 1
    }
  }

  /// Dot rows per cell in a ``DotGrid``.
  public var dotRows: Int {
    switch self {
    case .braille: 4
    case .block: 2
    case .ascii: 3
    }
  }

  /// The glyph showing a cell's dots.
  ///
  /// `mask` has bit `row * dotColumns + column` set for each lit dot, row 0 at the top.
  public func glyph(forDots mask: UInt8) -> Character {
    switch self {
    case .braille:
      return GlyphTables.braille[Int(mask)]
    case .block:
      return GlyphTables.quadrants[Int(mask & 0x0F)]
    case .ascii:
      return GlyphTables.asciiDots[Int(mask & 0x07)]
    }
  }

  /// Shade levels from empty to full, for heatmaps and filled maps.
  public var shadeRamp: [Character] {
    isUnicode ? GlyphTables.unicodeShades : GlyphTables.asciiShades
  }

  /// Horizontal bar pieces: index `n - 1` fills `n` eighths of a cell (the last one is a full cell).
  public var barEighths: [Character] {
    isUnicode ? GlyphTables.unicodeBarEighths : GlyphTables.asciiBarEighths
  }

  /// One-cell sparkline levels, lowest first.
  public var sparkLevels: [Character] {
    isUnicode ? GlyphTables.unicodeSparkLevels : GlyphTables.asciiSparkLevels
  }

  /// The mark of cut text: `…`, or `...` in ASCII.
  public var ellipsis: String { isUnicode ? "…" : "..." }

  /// A small filled marker for legends and dotted series.
  public var dot: Character { isUnicode ? "·" : "." }
}

extension GlyphSet {
  /// The mark of a value above a chart's range: `↑`, or `^` in ASCII.
  public var arrowUp: Character { isUnicode ? "↑" : "^" }

  /// The mark of a value below a chart's range: `↓`, or `v` in ASCII.
  public var arrowDown: Character { isUnicode ? "↓" : "v" }
}
