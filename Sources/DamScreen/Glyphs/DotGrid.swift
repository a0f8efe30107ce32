/// A canvas of sub-cell dots over a rectangle of cells, at the resolution of a ``GlyphSet``.
///
/// Charts plot into dot coordinates (x right, y down, `dotWidth` by `dotHeight`) and read back one
/// glyph per cell. Dots outside the grid are ignored.
public struct DotGrid: Sendable {
  /// The glyph set whose resolution the grid uses.
  public let glyphs: GlyphSet
  /// Width in cells.
  public let columns: Int
  /// Height in cells.
  public let rows: Int
  private var masks: [UInt8]

  /// An empty grid of `columns` x `rows` cells.
  public init(glyphs: GlyphSet, columns: Int, rows: Int) {
    self.glyphs = glyphs
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    masks = Array(repeating: 0, count: self.columns * self.rows)
  }

  /// Width in dots.
  public var dotWidth: Int { columns * glyphs.dotColumns }
  /// Height in dots.
  public var dotHeight: Int { rows * glyphs.dotRows }

  /// Lights the dot at (x, y); ignored outside the grid.
  public mutating func set(x: Int, y: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let column = x / glyphs.dotColumns
    let row = y / glyphs.dotRows
    let bit = (y % glyphs.dotRows) * glyphs.dotColumns + x % glyphs.dotColumns
    masks[row * columns + column] |= UInt8(1 << bit)
  }

  /// Lights the dots of the segment from (x0, y0) to (x1, y1), clipped to the grid (Bresenham).
  ///
  /// - Complexity: O(length of the visible part), however far outside the ends lie.
  public mutating func line(x0: Double, y0: Double, x1: Double, y1: Double) {
    let bounds = (minX: -0.5, minY: -0.5, maxX: Double(dotWidth) - 0.5, maxY: Double(dotHeight) - 0.5)
    guard let clipped = Self.clip(x0: x0, y0: y0, x1: x1, y1: y1, to: bounds) else { return }
    var x = Int(clipped.x0.rounded())
    var y = Int(clipped.y0.rounded())
    let endX = Int(clipped.x1.rounded())
    let endY = Int(clipped.y1.rounded())
    let dx = abs(endX - x)
    let dy = -abs(endY - y)
    let stepX = x < endX ? 1 : -1
    let stepY = y < endY ? 1 : -1
    var error = dx + dy
    while true {
      set(x: x, y: y)
      if x == endX && y == endY { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// The dot mask of cell (column, row); 0 outside the grid.
  public func mask(column: Int, row: Int) -> UInt8 {
    guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
    return masks[row * columns + column]
  }

  /// Every cell's dot mask, row by row (`row * columns + column`).
  public var cellMasks: [UInt8] { masks }

  /// Liang-Barsky clipping of a segment to a rectangle; nil when no part is inside.
  private static func clip(
    x0: Double, y0: Double, x1: Double, y1: Double,
    to bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double)
  ) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
    guard x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite else { return nil }
    let dx = x1 - x0
    let dy = y1 - y0
    var enter = 0.0
    var leave = 1.0
    // Each edge: p is the segment's speed towards the outside, q the distance from the start to the edge.
    func narrow(_ p: Double, _ q: Double) -> Bool {
      if p == 0 { return q >= 0 }
      let t = q / p
      if p < 0 {
        enter = max(enter, t)
      } else {
        leave = min(leave, t)
      }
      return true
    }
    guard narrow(-dx, x0 - bounds.minX), narrow(dx, bounds.maxX - x0), narrow(-dy, y0 - bounds.minY),
      narrow(dy, bounds.maxY - y0)
    else { return nil }
    guard enter <= leave else { return nil }
    return (x0 + enter * dx, y0 + enter * dy, x0 + leave * dx, y0 + leave * dy)
  }
}
