extension LineChart {
  /// The legend's items: each series' stroke, style and text, then the highlight's `*` and label, then
  /// the faint series (the first to go when the legend runs out of room).
  var legendItems: [(stroke: Character, style: Style, text: String)] {
    func item(_ entry: ChartSeries) -> (stroke: Character, style: Style, text: String) {
      let stroke =
        entry.mark
        ?? (entry.stroke == .line ? glyphs.box.horizontal : entry.stroke == .faint ? glyphs.shadeRamp[2] : glyphs.dot)
      return (stroke, entry.style, legendText(entry))
    }
    var items = series.filter { $0.stroke != .faint }.map(item)
    if let highlight { items.append(("*", highlightStyle, highlight.label)) }
    return items + series.filter { $0.stroke == .faint }.map(item)
  }

  /// The legend items (indices into `legendItems`) on each row: as many per row as fit `width`, at most
  /// `maxRows` rows, the first leaving room for the scale's name; items beyond are left out. An item wider than a row gets a row of its own, cut at
  /// its end.
  func legendRows(width: Int, maxRows: Int) -> [[Int]] {
    var rows: [[Int]] = [[]]
    var used = 0
    for (index, item) in legendItems.enumerated() {
      let needed = item.text.count + 2
      let width = rows.count == 1 ? width - scaleName.count - 1 : width
      if used + needed > width && !rows[rows.count - 1].isEmpty {
        guard rows.count < maxRows else { break }
        rows.append([])
        used = 0
      }
      guard used + needed <= width || rows[rows.count - 1].isEmpty else { break }
      rows[rows.count - 1].append(index)
      used += needed + 2
    }
    return rows
  }

  /// Draws the legend rows: each item's stroke and text, then the scale on the first row with room.
  func renderLegend(_ rows: [[Int]], in area: Rect, buffer: inout ScreenBuffer) {
    let items = legendItems
    var scaleShown = false
    for (offset, entries) in rows.enumerated() {
      let row = Rect(x: area.x, y: area.y + offset, width: area.width, height: 1)
      var x = row.x
      for index in entries {
        x = buffer.write(String(items[index].stroke), x: x, y: row.y, style: items[index].style, within: row)
        x = buffer.write(" " + items[index].text + "  ", x: x, y: row.y, within: row)
      }
      let scaleX = row.maxX - scaleName.count
      if !scaleShown && scaleX >= x {
        buffer.write(scaleName, x: scaleX, y: row.y, style: axisStyle, within: row)
        scaleShown = true
      }
    }
  }

  /// A series' legend text: its label and latest value (a background or faint series' label alone).
  private func legendText(_ entry: ChartSeries) -> String {
    guard entry.setsRange else { return entry.label }
    return entry.label + (entry.latestValue(on: scale).map { " " + NumberFormat.compact($0) } ?? "")
  }

  /// "log" or "linear".
  private var scaleName: String { scale == .logarithmic ? "log" : "linear" }

  /// Draws the y axis with its tick labels and the x axis with step labels.
  func renderAxes(_ frame: ChartFrame, buffer: inout ScreenBuffer) {
    guard frame.showsAxes else { return }
    let box = glyphs.box
    let plot = frame.plot
    let axisX = plot.x - 1
    for y in plot.y..<plot.maxY { buffer[axisX, y] = Cell(box.vertical, style: axisStyle) }
    var labelledRows: Set<Int> = []
    for tick in frame.yTicks {
      guard let row = frame.row(ofValue: tick.value, glyphs: glyphs), labelledRows.insert(row).inserted else {
        continue
      }
      buffer[axisX, row] = Cell(box.verticalTick, style: axisStyle)
      let label = String(tick.label.prefix(axisX - frame.area.x))
      buffer.write(label, x: axisX - label.count, y: row, style: axisStyle, within: frame.area)
    }
    let axisY = plot.maxY
    buffer[axisX, axisY] = Cell(box.bottomLeft, style: axisStyle)
    for x in plot.x..<plot.maxX { buffer[x, axisY] = Cell(box.horizontal, style: axisStyle) }
    renderStepLabels(frame, axisY: axisY, buffer: &buffer)
  }

  /// Draws step numbers under the x axis, centred on their ticks, never overlapping; a fractional tick (a
  /// line's alpha: -0.5, 1.5) keeps its decimals.
  private func renderStepLabels(_ frame: ChartFrame, axisY: Int, buffer: inout ScreenBuffer) {
    let plot = frame.plot
    let origin = xScale == .linear ? xLabelOrigin : 0
    let shifted = (frame.xRange.lowerBound - origin)...(frame.xRange.upperBound - origin)
    let ticks = xScale.ticks(in: shifted, maxCount: max(1, plot.width / 8))
    var nextFree = frame.area.x
    for tick in ticks {
      guard let column = frame.column(ofStep: tick + origin, glyphs: glyphs) else { continue }
      let label = xScale == .linear && tick == tick.rounded() ? NumberFormat.count(tick) : NumberFormat.compact(tick)
      let start = min(max(column - label.count / 2, frame.area.x), frame.area.maxX - label.count)
      guard start >= nextFree else { continue }
      buffer[column, axisY] = Cell(glyphs.box.horizontalTick, style: axisStyle)
      buffer.write(label, x: start, y: axisY + 1, style: axisStyle, within: frame.area)
      nextFree = start + label.count + 1
    }
  }
}
