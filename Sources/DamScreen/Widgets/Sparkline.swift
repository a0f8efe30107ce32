/// A one-row trend of recent values, newest on the right.
///
/// With braille, each cell packs two samples of four dot rows each (btop's graph glyphs); block and
/// ASCII show one sample a cell from eight levels (`▁▂▃▄▅▆▇█` or `_.-~=+*#`). Values scale between the
/// smallest and largest drawable value on the given scale; undrawable values show blank (a gap).
public struct Sparkline: Widget, Hashable {
  /// The samples, oldest first.
  public var values: [Double]
  /// Linear or logarithmic scaling.
  public var scale: AxisScale
  /// The glyphs to draw with.
  public var glyphs: GlyphSet
  /// The colour and attributes of the line.
  public var style: Style

  /// Creates a sparkline.
  public init(values: [Double], scale: AxisScale = .logarithmic, glyphs: GlyphSet, style: Style = .plain) {
    self.values = values
    self.scale = scale
    self.glyphs = glyphs
    self.style = style
  }

  /// Draws the newest samples into the first row of `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let perCell = glyphs == .braille ? 2 : 1
    let samples = Array(values.suffix(area.width * perCell))
    let range = scale.range(of: samples)
    let levels = glyphs == .braille ? 4 : glyphs.sparkLevels.count
    var heights: [Int?] = samples.map { value in
      guard let range, scale.accepts(value) else { return nil }
      let fraction = min(1, max(0, scale.fraction(of: value, in: range)))
      return 1 + Int((fraction * Double(levels - 1)).rounded())
    }
    // Pad at the front so the newest sample lands in the last dot column.
    if heights.count % perCell != 0 { heights.insert(nil, at: 0) }
    let cellCount = heights.count / perCell
    let startX = area.maxX - cellCount
    for index in 0..<cellCount {
      let chunk = heights[(index * perCell)..<((index + 1) * perCell)]
      buffer[startX + index, area.y] = Cell(glyph(for: Array(chunk)), style: style)
    }
  }

  /// The glyph for one cell's heights (1...levels, nil for a gap).
  private func glyph(for heights: [Int?]) -> Character {
    guard glyphs == .braille else { return heights[0].map { glyphs.sparkLevels[$0 - 1] } ?? " " }
    var mask: UInt8 = 0
    for (column, height) in heights.enumerated() {
      for level in 0..<(height ?? 0) { mask |= UInt8(1 << ((3 - level) * 2 + column)) }
    }
    return glyphs.glyph(forDots: mask)
  }
}
