/// A matrix of signed values, one cell per entry: the shade (the glyph set's ramp) grows with |v| / `scale`
/// and the colour tells the sign (positive blue, negative red); entries with |v| below `blankBelow` are
/// blank, so zero rows and columns read as gaps without colour. Row `r`, column `c` of the matrix is
/// drawn at (`area.x + c`, `area.y + r`); what does not fit is cut at the right and bottom edges.
public struct SignedMatrixMap: Widget, Hashable {
  /// Rows of the matrix.
  public var rows: Int
  /// Columns of the matrix.
  public var columns: Int
  /// The entries, row-major.
  public var values: [Float]
  /// The magnitude drawn with the darkest shade (values above it too).
  public var scale: Float
  /// Magnitudes below this are drawn blank.
  public var blankBelow: Float
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// A map of `values` [rows x columns], row-major.
  public init(rows: Int, columns: Int, values: [Float], scale: Float, blankBelow: Float, glyphs: GlyphSet) {
    precondition(values.count == rows * columns, "a \(rows) x \(columns) matrix needs \(rows * columns) values")
    self.rows = rows
    self.columns = columns
    self.values = values
    self.scale = scale
    self.blankBelow = blankBelow
    self.glyphs = glyphs
  }

  /// Draws the entries that fit into `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    for row in 0..<min(rows, area.height) {
      for column in 0..<min(columns, area.width) {
        buffer[area.x + column, area.y + row] = cell(for: values[row * columns + column])
      }
    }
  }

  /// The shaded, coloured cell of one entry; `?` for a non-finite one.
  func cell(for value: Float) -> Cell {
    guard value.isFinite else { return Cell("?", style: Style(foreground: .yellow)) }
    let ramp = glyphs.shadeRamp
    let magnitude = abs(value)
    guard magnitude >= blankBelow, magnitude > 0 else { return Cell(ramp[0]) }
    let fraction = scale > 0 ? min(1, Double(magnitude / scale)) : 1
    let level = 1 + Int((fraction * Double(ramp.count - 2)).rounded())
    return Cell(ramp[level], style: Style(foreground: value > 0 ? .blue : .red))
  }
}
