/// A scalar field over a plane drawn as filled contour bands: each cell takes the band of the nearest
/// grid value on a log scale from the field's finite minimum to its maximum, drawn with that band's
/// shade from the glyph set's ramp and its colour (blue, cyan, green, yellow, red, magenta from low to
/// high), so the bands read as contours with or without colour. Marks are drawn over the field in glyphs
/// no band uses: a path of points `o` joined by `•` (`~` in ASCII), and the current point `+` (`X` in
/// ASCII, whose ramp has a `+`). The bottom row is a legend: the bands' range, then the marks drawn.
public struct ContourMap: Widget, Hashable {
  /// The values [rows x columns], row-major, row 0 at the bottom (the lowest beta), column 0 at the left.
  public var values: [Double]
  /// Grid points across.
  public var columns: Int
  /// Grid points down.
  public var rows: Int
  /// The point to mark with `currentMark`, in grid coordinates (column, row; fractional allowed).
  public var current: (column: Double, row: Double)?
  /// A path to draw, oldest first, in grid coordinates; its points are drawn as `o` joined by `pathJoin`,
  /// its last as `currentMark` unless `current` is given.
  public var path: [(column: Double, row: Double)]
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Creates a map of `values` [rows x columns].
  public init(
    values: [Double], columns: Int, rows: Int, current: (column: Double, row: Double)? = nil,
    path: [(column: Double, row: Double)] = [], glyphs: GlyphSet
  ) {
    precondition(values.count == columns * rows, "values must fill the grid")
    self.values = values
    self.columns = columns
    self.rows = rows
    self.current = current
    self.path = path
    self.glyphs = glyphs
  }

  /// The mark of the current point: `+`, or `X` in ASCII (whose shade ramp has a `+`).
  public static func currentMark(_ glyphs: GlyphSet) -> Character { glyphs.isUnicode ? "+" : "X" }

  /// The mark of a path's points.
  public static let pathMark: Character = "o"

  /// The glyph joining a path's points: `•`, or `~` in ASCII (neither is a shade of the ramp).
  public static func pathJoin(_ glyphs: GlyphSet) -> Character { glyphs.isUnicode ? "•" : "~" }

  /// The colours of the bands, lowest first.
  static let bandColors: [TerminalColor] = [.blue, .cyan, .green, .yellow, .red, .magenta]

  /// The finite range of the values on a log scale (positive values only), or nil when none is.
  public var logRange: ClosedRange<Double>? {
    let positive = values.filter { $0.isFinite && $0 > 0 }
    guard let low = positive.min(), let high = positive.max() else { return nil }
    return low...max(high, low * 1.0001)
  }

  /// The band of `value`, 0 (lowest) to `bandCount - 1`, or nil when it is not finite and positive.
  public func band(of value: Double) -> Int? {
    guard let range = logRange, value.isFinite, value > 0 else { return nil }
    let fraction = AxisScale.logarithmic.fraction(of: value, in: range)
    return min(bandCount - 1, max(0, Int(fraction * Double(bandCount))))
  }

  /// The number of bands: one per non-blank shade of the ramp.
  public var bandCount: Int { glyphs.shadeRamp.count - 1 }

  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard area.width >= 3, area.height >= 2, columns > 0, rows > 0 else { return }
    let mapHeight = area.height - 1
    let mapWidth = min(area.width, 2 * mapHeight * max(columns, 1) / max(rows, 1))
    let map = Rect(x: area.x + (area.width - mapWidth) / 2, y: area.y, width: mapWidth, height: mapHeight)
    let ramp = glyphs.shadeRamp
    for y in 0..<map.height {
      let row = Int((Double(map.height - 1 - y) + 0.5) / Double(map.height) * Double(rows))
      for x in 0..<map.width {
        let column = Int((Double(x) + 0.5) / Double(map.width) * Double(columns))
        let value = values[min(rows - 1, row) * columns + min(columns - 1, column)]
        guard let band = band(of: value) else {
          buffer[map.x + x, map.y + y] = Cell("?", style: Style(dim: true))
          continue
        }
        let color = Self.bandColors[band * Self.bandColors.count / bandCount]
        buffer[map.x + x, map.y + y] = Cell(ramp[band + 1], style: Style(foreground: color))
      }
    }
    drawPath(in: map, buffer: &buffer)
    let pathEnd = path.last
    let currentMark = Self.currentMark(glyphs)
    if let mark = current ?? pathEnd, let cell = cell(of: mark, in: map) {
      buffer[cell.x, cell.y] = Cell(currentMark, style: Style(foreground: .white, bold: true, reverse: true))
    }
    if let range = logRange {
      var legend =
        "log scale: \(NumberFormat.compact(range.lowerBound)) \(String(ramp.dropFirst())) "
        + "\(NumberFormat.compact(range.upperBound))"
      if current ?? pathEnd != nil { legend += "   \(currentMark) current" }
      if path.count > 1 { legend += "   \(Self.pathMark)\(Self.pathJoin(glyphs))\(Self.pathJoin(glyphs)) path" }
      buffer.write(legend, x: area.x, y: area.y + area.height - 1, style: Style(dim: true), within: area)
    }
  }

  /// The screen cell of grid point `point` inside `map`, or nil outside it.
  func cell(of point: (column: Double, row: Double), in map: Rect) -> (x: Int, y: Int)? {
    let x = Int(((point.column + 0.5) / Double(columns) * Double(map.width)).rounded(.down))
    let y = map.height - 1 - Int(((point.row + 0.5) / Double(rows) * Double(map.height)).rounded(.down))
    guard (0..<map.width).contains(x), (0..<map.height).contains(y) else { return nil }
    return (map.x + x, map.y + y)
  }

  /// The path's points as `pathMark`, joined by `pathJoin`.
  private func drawPath(in map: Rect, buffer: inout ScreenBuffer) {
    let style = Style(foreground: .white, bold: true)
    let join = Self.pathJoin(glyphs)
    for (start, end) in zip(path, path.dropFirst()) {
      let steps = 24
      for step in 1..<steps {
        let t = Double(step) / Double(steps)
        let point = (start.column + t * (end.column - start.column), start.row + t * (end.row - start.row))
        if let cell = cell(of: point, in: map) { buffer[cell.x, cell.y] = Cell(join, style: style) }
      }
    }
    for point in path {
      if let cell = cell(of: point, in: map) { buffer[cell.x, cell.y] = Cell(Self.pathMark, style: style) }
    }
  }

  public static func == (lhs: ContourMap, rhs: ContourMap) -> Bool {
    lhs.values == rhs.values && lhs.columns == rhs.columns && lhs.rows == rhs.rows
      && lhs.current.map { [$0.column, $0.row] } == rhs.current.map { [$0.column, $0.row] }
      && lhs.path.map { [$0.column, $0.row] } == rhs.path.map { [$0.column, $0.row] } && lhs.glyphs == rhs.glyphs
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(values)
    hasher.combine(columns)
    hasher.combine(rows)
  }
}
