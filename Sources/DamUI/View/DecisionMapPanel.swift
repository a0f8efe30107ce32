import DamScreen
import DamTraining

/// The decision-boundary map in a panel: the predicted class (or value band, for regression) over the
/// plane with the training points, and a legend of the points' glyphs on the last row. A classification
/// map where every prediction is the same class says so in words over the map, as a blank or uniform
/// map (dead ReLUs, a collapsed network) otherwise says nothing.
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
    let scatter = ScatterMap(map)
    scatter.render(in: plot, buffer: &buffer)
    if let single = singleClass(scatter), plot.height >= 3 {
      let message = "every prediction is \(className(single))"
      let x = plot.x + max(0, (plot.width - message.count) / 2)
      buffer.write(message, x: x, y: plot.y + plot.height / 2, style: Style(bold: true), within: plot)
    }
    guard showsLegend else { return }
    buffer.write(legend, x: inner.x, y: inner.maxY - 1, style: Style(dim: true), within: inner)
  }

  /// The class every field sample predicts, when there is one and the map is a classification.
  private func singleClass(_ scatter: ScatterMap) -> Int? {
    guard map.classCount != nil, let first = scatter.field.first?.first?.classIndex else { return nil }
    return scatter.field.allSatisfy { row in row.allSatisfy { $0.classIndex == first } } ? first : nil
  }

  /// The name of class `index`: its label when known, else its number.
  private func className(_ index: Int) -> String {
    guard let labels, labels.count == map.classCount, labels.indices.contains(index) else { return "class \(index)" }
    return labels[index]
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
