import Foundation

/// Per-layer magnitudes (e.g. gradient norms) as horizontal bars on a log scale.
///
/// Each row reads `L1 ████▌··· 2.3e-5 v`: the label, a bar whose length is the value's position on the
/// log `range` (widened to whole decades covering every finite value shown, so no bar is cut short; an
/// infinite value fills the track and ends in an overflow arrow), the healthy band shown as dots in the
/// empty part of the track, the value, and the severity mark in the severity's colour: `!` above the
/// band, `?` not finite, and `v` only for a value below the band that is also below `vanishingRatio`
/// times the largest bar (a converged network's gradients are all small together; a vanishing one's
/// early layers are small next to its late ones). With a spare row, an axis under the bars labels the
/// band edges.
public struct LogBars: Widget, Hashable {
  /// One bar.
  public struct Bar: Sendable, Hashable {
    /// The row label, e.g. "L1".
    public var label: String
    /// The magnitude.
    public var value: Double

    /// Creates a bar.
    public init(label: String, value: Double) {
      self.label = label
      self.value = value
    }
  }

  /// The bars, top to bottom.
  public var bars: [Bar]
  /// The healthy band.
  public var band: HealthyBand
  /// The magnitudes spanned by the track (log scale); values outside are pinned to its ends.
  public var range: ClosedRange<Double>
  /// The glyphs to draw with.
  public var glyphs: GlyphSet
  /// A bar below the band is vanishing only when it is also below this fraction of the largest bar.
  public var vanishingRatio = 0.01

  /// Creates bars; `range` defaults to four decades either side of the band.
  public init(bars: [Bar], band: HealthyBand = .gradientNorms, range: ClosedRange<Double>? = nil, glyphs: GlyphSet) {
    self.bars = bars
    self.band = band
    self.range = range ?? (band.lower / 1e4)...(band.upper * 1e4)
    self.glyphs = glyphs
  }

  /// Bars labelled L1...Ln from `values` (input side first).
  public init(layerValues values: [Double], band: HealthyBand = .gradientNorms, glyphs: GlyphSet) {
    self.init(
      bars: values.enumerated().map { Bar(label: "L\($0.offset + 1)", value: $0.element) }, band: band, glyphs: glyphs)
  }

  /// Draws the bars into `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    var bars = self
    bars.range = coveringRange
    bars.draw(in: area, buffer: &buffer)
  }

  /// `range` widened to whole decades covering every finite positive value shown.
  var coveringRange: ClosedRange<Double> {
    let values = bars.map(\.value).filter { $0.isFinite && $0 > 0 }
    guard let smallest = values.min(), let largest = values.max() else { return range }
    return min(range.lowerBound, pow(10, floor(log10(smallest))))...max(range.upperBound, pow(10, ceil(log10(largest))))
  }

  /// The severity shown for `value`: the band's, with `vanishing` kept only for values small next to the
  /// largest bar.
  func severity(of value: Double) -> Severity {
    let severity = band.severity(of: value)
    guard severity == .vanishing else { return severity }
    let largest = bars.map(\.value).filter(\.isFinite).max() ?? 0
    return abs(value) < vanishingRatio * largest ? .vanishing : .healthy
  }

  private func draw(in area: Rect, buffer: inout ScreenBuffer) {
    let labelWidth = bars.map(\.label.count).max() ?? 0
    let valueWidth = 7
    let track = Rect(
      x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - valueWidth - 4, height: area.height)
    for (index, bar) in bars.prefix(area.height).enumerated() {
      let y = area.y + index
      let severity = severity(of: bar.value)
      buffer.write(bar.label, x: area.x, y: y, within: area)
      guard track.width > 0 else {
        buffer.write(" \(severity.glyph)", x: area.x + labelWidth, y: y, style: severity.style, within: area)
        continue
      }
      renderTrack(bar.value, severity: severity, row: y, track: track, buffer: &buffer)
      let value = NumberFormat.compact(bar.value)
      let valueText = String(repeating: " ", count: max(0, valueWidth - value.count)) + value
      buffer.write(" \(valueText) \(severity.glyph)", x: track.maxX, y: y, style: severity.style, within: area)
    }
    if bars.count < area.height, track.width >= 12 {
      renderAxis(track: track, row: area.y + bars.count, area: area, buffer: &buffer)
    }
  }

  /// The column fraction 0...1 of `value` along the track.
  private func fraction(_ value: Double) -> Double {
    guard value > 0 else { return 0 }
    return min(1, max(0, AxisScale.logarithmic.fraction(of: value, in: range)))
  }

  private func renderTrack(_ value: Double, severity: Severity, row: Int, track: Rect, buffer: inout ScreenBuffer) {
    let bandStart = Int((fraction(band.lower) * Double(track.width)).rounded())
    let bandEnd = Int((fraction(band.upper) * Double(track.width)).rounded())
    let eighths = value.isFinite ? Int((fraction(value) * Double(track.width * 8)).rounded()) : 0
    for column in 0..<track.width {
      let filled = min(8, max(0, eighths - column * 8))
      if filled > 0 {
        buffer[track.x + column, row] = Cell(glyphs.barEighths[filled - 1], style: Style(foreground: severity.color))
      } else if column >= bandStart && column < bandEnd {
        buffer[track.x + column, row] = Cell(glyphs.dot, style: Style(foreground: .green, dim: true))
      }
    }
    if value == .infinity {
      buffer[track.maxX - 1, row] = Cell(
        glyphs.isUnicode ? "▶" : ">", style: Style(foreground: severity.color, bold: true))
    }
  }

  /// Labels the band edges under the track.
  private func renderAxis(track: Rect, row: Int, area: Rect, buffer: inout ScreenBuffer) {
    let style = Style(dim: true)
    let lower = NumberFormat.compact(band.lower)
    let upper = NumberFormat.compact(band.upper)
    let lowerColumn = track.x + Int((fraction(band.lower) * Double(track.width)).rounded())
    let upperColumn = track.x + Int((fraction(band.upper) * Double(track.width)).rounded()) - upper.count
    buffer.write(lower, x: lowerColumn, y: row, style: style, within: area)
    if upperColumn > lowerColumn + lower.count {
      buffer.write(upper, x: upperColumn, y: row, style: style, within: area)
    }
  }
}
