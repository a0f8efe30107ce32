import DamScreen
import DamTraining

/// The decision-boundary map in a panel: the predicted class (or value band, for regression) over the
/// plane with the training points, and a legend of the points' glyphs on the last row.
struct DecisionMapPanel: Widget {
  /// The map to show.
  let map: DecisionMap
  /// The class names, when known and one per class; otherwise classes read 0, 1, 2, ...
  let labels: [String]?
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: "Decision map", glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard !inner.isEmpty else { return }
    let showsLegend = inner.height >= 3
    let plot = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - (showsLegend ? 1 : 0))
    ScatterMap(map).render(in: plot, buffer: &buffer)
    guard showsLegend else { return }
    buffer.write(legend, x: inner.x, y: inner.maxY - 1, style: Style(dim: true), within: inner)
  }

  /// The points' glyphs and what they stand for: each class's name, or, for
  /// regression, the band glyphs between the lowest and highest value.
  var legend: String {
    let glyphs = ScatterMap.pointGlyphs
    guard let classCount = map.classCount else {
      let bands = ValueBands(map)
      let marks = glyphs.prefix(ScatterMap.regressionBandCount).map(String.init).joined(separator: " ")
      return "\(NumberFormat.compact(bands.range.lowerBound)) \(marks) \(NumberFormat.compact(bands.range.upperBound))"
    }
    let names = labels.flatMap { $0.count == classCount ? $0 : nil } ?? (0..<classCount).map { String($0) }
    return names.enumerated().map { "\(glyphs[$0.offset % glyphs.count]) \($0.element)" }.joined(separator: "  ")
  }
}
