/// One cell of the screen: a glyph (one column wide) and its style.
public struct Cell: Sendable, Hashable {
  /// The character shown; always a single column wide (ASCII, box drawing, braille, blocks).
  public var glyph: Character
  /// How it is drawn.
  public var style: Style

  /// Creates a cell.
  public init(_ glyph: Character = " ", style: Style = .plain) {
    self.glyph = glyph
    self.style = style
  }

  /// A blank cell in plain style.
  public static let blank = Cell()
}

/// A plain in-memory screen: a rectangle of cells, row-major.
///
/// Widgets render into a buffer and never touch the terminal; the terminal shell presents a finished
/// buffer, and tests compare buffers with literal lines of text. Every write is clipped to the
/// buffer, so drawing past an edge is harmless.
public struct ScreenBuffer: Sendable, Hashable {
  /// Width in columns.
  public private(set) var width: Int
  /// Height in rows.
  public private(set) var height: Int
  /// The cells, row by row.
  public private(set) var cells: [Cell]

  /// A blank buffer of the given size.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// The whole buffer as a rectangle.
  public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  /// The cell at (x, y); a blank cell outside the buffer.
  public subscript(x: Int, y: Int) -> Cell {
    get { area.contains(x: x, y: y) ? cells[y * width + x] : .blank }
    set { if area.contains(x: x, y: y) { cells[y * width + x] = newValue } }
  }

  /// Writes `text` starting at (x, y), one character a column, clipped to the buffer and to
  /// `maxWidth` columns when given. Returns the column after the last character written.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
    guard y >= 0, y < height else { return x }
    let limit = maxWidth.map { min(width, x + max(0, $0)) } ?? width
    var column = x
    for character in text {
      if column >= limit { break }
      if column >= 0 { cells[y * width + column] = Cell(character, style: style) }
      column += 1
    }
    return column
  }

  /// Fills `rect` (clipped) with `cell`.
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for row in clipped.y..<clipped.maxY {
      for column in clipped.x..<clipped.maxX { cells[row * width + column] = cell }
    }
  }

  /// Applies `style` to every cell of `rect` (clipped), keeping the glyphs.
  public mutating func setStyle(_ style: Style, in rect: Rect) {
    let clipped = rect.intersection(area)
    guard !clipped.isEmpty else { return }
    for row in clipped.y..<clipped.maxY {
      for column in clipped.x..<clipped.maxX { cells[row * width + column].style = style }
    }
  }

  /// The glyphs of row `y` as a string (styles dropped).
  public func line(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    return String(cells[(y * width)..<((y + 1) * width)].map(\.glyph))
  }

  /// Every row's glyphs, top to bottom: what a snapshot test compares.
  public var lines: [String] { (0..<height).map(line) }
}
