/// Signed values as labelled horizontal bars, one row each: `x1   +0.532 ████▌`. The bar's length is
/// |v| / `scale` of the track (eighths of a cell with Unicode glyphs) and its colour tells the sign, as
/// in `SignedMatrixMap`: positive blue, negative red; without colour the `+` or `-` of the number says
/// it. Rows that do not fit are cut at the bottom; the label column is as wide as the widest label.
public struct SignedBars: Widget, Hashable {
  /// One row.
  public struct Bar: Sendable, Hashable {
    /// The row label, e.g. an input column's name.
    public var label: String
    /// The value.
    public var value: Float

    /// Creates a row.
    public init(label: String, value: Float) {
      self.label = label
      self.value = value
    }
  }

  /// The rows, top to bottom.
  public var bars: [Bar]
  /// The magnitude that fills the track; larger ones are pinned to it.
  public var scale: Float
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Bars of `bars` with the largest finite |v| filling the track.
  public init(bars: [Bar], glyphs: GlyphSet) {
    self.bars = bars
    scale = bars.map { abs($0.value) }.filter(\.isFinite).max() ?? 0
    self.glyphs = glyphs
  }

  /// Draws the rows that fit into `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let labelWidth = min(bars.map(\.label.count).max() ?? 0, max(0, area.width / 3))
    for (row, bar) in bars.prefix(area.height).enumerated() {
      let y = area.y + row
      let number = Self.signedText(bar.value)
      var x = buffer.write(bar.label, x: area.x, y: y, maxWidth: labelWidth)
      x = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
      x = buffer.write(number.padding(toLength: 7), x: x, y: y, maxWidth: max(0, area.maxX - x))
      let track = area.maxX - x - 1
      guard track > 0, bar.value.isFinite, scale > 0 else { continue }
      let eighths = Int((Double(min(abs(bar.value), scale) / scale) * Double(track * 8)).rounded())
      let style = Style(foreground: bar.value > 0 ? .blue : .red)
      let pieces = glyphs.barEighths
      var column = x + 1
      for _ in 0..<eighths / 8 {
        buffer[column, y] = Cell(pieces[pieces.count - 1], style: style)
        column += 1
      }
      if eighths % 8 > 0 { buffer[column, y] = Cell(pieces[eighths % 8 - 1], style: style) }
    }
  }

  /// `value` with its sign: `+0.532`, `-1.2e-3`, `0`.
  public static func signedText(_ value: Float) -> String {
    let text = NumberFormat.compact(Double(value))
    return value > 0 ? "+" + text : text
  }
}

extension String {
  /// The string padded with spaces to `length` characters (unchanged when longer).
  fileprivate func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
