import Foundation

/// Per-layer magnitudes of several series against depth, one row per series, on one shared log scale:
/// the initialization explorer's picture of activation spreads or gradient norms layer after layer.
///
/// Each row reads `he-normal    ▆▆▆▆▅▆▆  x0.89`: the label, one column of `cellsPerLayer` cells per layer
/// (input side first) whose height is the value's place on the shared log range (whole decades covering
/// every finite positive value of every row), then the note, or else the ratio of the last layer's value
/// to the first's. A zero shows as a dot (blank in ASCII: nothing to scale), a non-finite value as `!`.
/// A flat row is a signal that keeps its size through the network.
public struct DepthProfile: Widget, Hashable {
  /// One series.
  public struct Row: Sendable, Hashable {
    /// The row label, e.g. the initializer's name.
    public var label: String
    /// One value per layer, input side first.
    public var values: [Double]
    /// Text after the columns instead of the last/first ratio (e.g. "all units identical").
    public var note: String?
    /// The style of the label and columns.
    public var style: Style

    /// Creates a row.
    public init(label: String, values: [Double], note: String? = nil, style: Style = .plain) {
      self.label = label
      self.values = values
      self.note = note
      self.style = style
    }
  }

  /// The rows, top to bottom.
  public var rows: [Row]
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Creates a profile.
  public init(rows: [Row], glyphs: GlyphSet) {
    self.rows = rows
    self.glyphs = glyphs
  }

  /// Whole decades covering every finite positive value, nil when there is none.
  public var range: ClosedRange<Double>? {
    let values = rows.flatMap(\.values).filter { $0.isFinite && $0 > 0 }
    guard let smallest = values.min(), let largest = values.max() else { return nil }
    let low = floor(log10(smallest))
    let high = max(low + 1, ceil(log10(largest)))
    return pow(10, low)...pow(10, high)
  }

  /// Draws the rows into `area`, one a line; rows beyond its height are left out.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let labelWidth = min(rows.map(\.label.count).max() ?? 0, max(0, area.width / 3))
    let layers = rows.map(\.values.count).max() ?? 0
    let noteWidth = 8
    let free = area.width - labelWidth - 1 - noteWidth - 1
    let cellsPerLayer = layers > 0 ? max(1, min(4, free / layers)) : 1
    let range = self.range
    for (index, row) in rows.prefix(area.height).enumerated() {
      let y = area.y + index
      var x = buffer.write(row.label, x: area.x, y: y, style: row.style, maxWidth: labelWidth)
      x = area.x + labelWidth + 1
      for value in row.values {
        let glyph = self.glyph(for: value, in: range)
        for _ in 0..<cellsPerLayer where x < area.maxX {
          buffer[x, y] = Cell(glyph, style: row.style)
          x += 1
        }
      }
      buffer.write(" " + (row.note ?? Self.ratio(row.values)), x: x, y: y, style: row.style, maxWidth: area.maxX - x)
    }
  }

  /// The level glyph of `value` on `range`: a dot for zero, `!` for a non-finite value.
  private func glyph(for value: Double, in range: ClosedRange<Double>?) -> Character {
    guard value.isFinite else { return "!" }
    // ASCII's lowest levels are `_` and `.`: a zero is blank there.
    guard value > 0, let range else { return glyphs.isUnicode ? glyphs.dot : " " }
    let levels = glyphs.sparkLevels
    let fraction = log10(value / range.lowerBound) / log10(range.upperBound / range.lowerBound)
    return levels[min(levels.count - 1, max(0, Int((fraction * Double(levels.count - 1)).rounded())))]
  }

  /// `x0.89`: the last value over the first, 3 significant digits; empty when it is undefined.
  static func ratio(_ values: [Double]) -> String {
    guard let first = values.first, let last = values.last, first > 0, first.isFinite, last.isFinite else { return "" }
    let ratio = last / first
    return "x" + (ratio == 0 ? "0" : String(format: "%.3g", ratio))
  }
}
