import DamScreen
import DamTraining

/// The decision-boundary map in a panel: the predicted class (or value band, for regression) over the
/// plane with the training points, and under it a legend of every glyph and shade it draws. With UTF-8
/// and colour the map shows 2x2 predictions a cell (``ScatterMap/Resolution/quadrants``), otherwise one
/// (fill characters). A classification map where every prediction is the same class says so in words
/// over the map, as a blank or uniform map (dead ReLUs, a collapsed network) otherwise says nothing.
struct DecisionMapPanel: Widget {
  /// The map to show.
  let map: DecisionMap
  /// The class names, when known and one per class; otherwise classes read 0, 1, 2, ...
  let labels: [String]?
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true
  /// The panel's title (the branch it shows is added while forked).
  var title = "Decision map"

  /// How many predictions a cell shows with these glyphs and colours.
  var resolution: ScatterMap.Resolution { glyphs.isUnicode && colors ? .quadrants : .cells }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: title, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard !inner.isEmpty else { return }
    let legendRows = inner.height >= 8 ? 2 : inner.height >= 3 ? 1 : 0
    let plot = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - legendRows)
    let perCell = resolution == .quadrants ? 2 : 1
    let scatter = ScatterMap(map, resolution: resolution, samples: (perCell * plot.width, perCell * plot.height))
    scatter.render(in: plot, buffer: &buffer)
    if let single = singleClass(scatter), plot.height >= 3 {
      let name = className(single)
      let message = ["every prediction is \(name)", "all predict \(name)"].first { $0.count <= plot.width } ?? name
      let x = plot.x + max(0, (plot.width - message.count) / 2)
      buffer.write(message, x: x, y: plot.y + plot.height / 2, style: Style(bold: true), within: plot)
    }
    for (row, line) in legend.prefix(legendRows).enumerated() {
      var x = inner.x
      for piece in line { x = buffer.write(piece.text, x: x, y: plot.maxY + row, style: piece.style, within: inner) }
    }
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

  /// A run of legend text in one style.
  struct LegendPiece: Equatable {
    let text: String
    let style: Style
  }

  /// The legend's two lines. The first gives each class its region (in its colour) and point glyph and
  /// its name, or, for regression, the bands between the lowest and highest value. The second gives
  /// the shades of certainty and the mark of a misclassified point.
  var legend: [[LegendPiece]] {
    let faint = Style(dim: true)
    let regionCount = map.classCount ?? ScatterMap.regressionBandCount
    let swatches = (0..<regionCount).map { index in
      let slot = ScatterMap.slot(index)
      let region: Character =
        resolution == .quadrants ? ScatterMap.certaintyShades.last! : ScatterMap.regionGlyphs[slot]
      return [
        LegendPiece(text: String(region), style: Style(foreground: ScatterMap.classColors[slot])),
        LegendPiece(text: String(ScatterMap.pointGlyphs[slot]), style: Style(foreground: ScatterMap.classColors[slot])),
      ]
    }
    var classes: [LegendPiece] = []
    if map.classCount == nil {
      let bands = ValueBands(map)
      classes.append(LegendPiece(text: NumberFormat.compact(bands.range.lowerBound) + " ", style: faint))
      for swatch in swatches { classes += swatch + [LegendPiece(text: " ", style: faint)] }
      classes.append(LegendPiece(text: NumberFormat.compact(bands.range.upperBound), style: faint))
    } else {
      let names = labels.flatMap { $0.count == regionCount ? $0 : nil } ?? (0..<regionCount).map { String($0) }
      for (index, swatch) in swatches.enumerated() {
        classes +=
          swatch + [LegendPiece(text: " \(names[index])" + (index < regionCount - 1 ? "  " : ""), style: faint)]
      }
    }
    let shades =
      resolution == .quadrants
      ? [LegendPiece(text: "\(ScatterMap.certaintyShades[1])\(ScatterMap.certaintyShades[0]) unsure  ", style: faint)]
      : [LegendPiece(text: "dim/blank unsure  ", style: faint)]
    let wrong = [
      LegendPiece(text: String(ScatterMap.pointGlyphs[0]), style: Style(bold: true, reverse: true)),
      LegendPiece(text: " wrong", style: faint),
    ]
    return [classes, shades + (map.classCount == nil ? [] : wrong)]
  }
}
