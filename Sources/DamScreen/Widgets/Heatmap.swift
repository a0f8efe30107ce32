/// A layers x time grid of magnitudes: one row per layer, one column per sample, newest on the right.
///
/// Each cell is a shade from the glyph set's ramp (ASCII ` .:-=+*#%@`, UTF-8 block shades) by the
/// value's position on the log `range`, coloured by its severity against `band`; non-finite values
/// show `?`. The severity mark of each row's newest value follows the row (`v`, `!`, `?`), so a
/// vanishing input side (top rows fading to blank, marked `v`) and exploding rows (dense, marked `!`)
/// read without colour. With a spare row, a legend shows the range ends around the ramp.
public struct Heatmap: Widget, Hashable {
  /// One row of the map.
  public struct Row: Sendable, Hashable {
    /// The row label, e.g. "L1".
    public var label: String
    /// The samples, oldest first.
    public var values: [Double]

    /// Creates a row.
    public init(label: String, values: [Double]) {
      self.label = label
      self.values = values
    }
  }

  /// The rows, top to bottom (input side first).
  public var rows: [Row]
  /// The healthy band that picks each cell's colour.
  public var band: HealthyBand
  /// The magnitudes the shade ramp spans (log scale).
  public var range: ClosedRange<Double>
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Creates a heatmap; `range` defaults to four decades either side of the band.
  public init(rows: [Row], band: HealthyBand = .gradientNorms, range: ClosedRange<Double>? = nil, glyphs: GlyphSet) {
    self.rows = rows
    self.band = band
    self.range = range ?? (band.lower / 1e4)...(band.upper * 1e4)
    self.glyphs = glyphs
  }

  /// A heatmap with rows L1...Ln from per-layer histories.
  public init(layerHistories: [[Double]], band: HealthyBand = .gradientNorms, glyphs: GlyphSet) {
    let rows = layerHistories.enumerated().map { Row(label: "L\($0.offset + 1)", values: $0.element) }
    self.init(rows: rows, band: band, glyphs: glyphs)
  }

  /// Draws the map into `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let labelWidth = rows.map(\.label.count).max() ?? 0
    let columns = max(0, area.width - labelWidth - 3)
    for (index, row) in rows.prefix(area.height).enumerated() {
      let y = area.y + index
      buffer.write(row.label, x: area.x, y: y, within: area)
      let visible = row.values.suffix(columns)
      let startX = area.x + labelWidth + 1 + columns - visible.count
      for (offset, value) in visible.enumerated() {
        buffer[startX + offset, y] = cell(for: value)
      }
      if let latest = row.values.last {
        let severity = band.severity(of: latest)
        buffer.write(
          String(severity.glyph), x: area.x + labelWidth + 2 + columns, y: y, style: severity.style, within: area)
      }
    }
    if rows.count < area.height { renderLegend(row: area.y + rows.count, area: area, buffer: &buffer) }
  }

  /// The shaded, coloured cell for one value.
  func cell(for value: Double) -> Cell {
    let severity = band.severity(of: value)
    guard value.isFinite else { return Cell("?", style: severity.style) }
    let ramp = glyphs.shadeRamp
    let magnitude = abs(value)
    guard magnitude >= range.lowerBound else { return Cell(ramp[0], style: Style(foreground: severity.color)) }
    let fraction = min(1, AxisScale.logarithmic.fraction(of: magnitude, in: range))
    let level = 1 + Int((fraction * Double(ramp.count - 2)).rounded())
    return Cell(ramp[level], style: Style(foreground: severity.color))
  }

  private func renderLegend(row: Int, area: Rect, buffer: inout ScreenBuffer) {
    let text =
      "\(NumberFormat.compact(range.lowerBound)) \(String(glyphs.shadeRamp.dropFirst())) \(NumberFormat.compact(range.upperBound))"
    buffer.write(text, x: area.x, y: row, style: Style(dim: true), within: area)
  }
}
