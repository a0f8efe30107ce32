extension LineChart {
  /// Draws the legend: each series' stroke, label and latest value, then the scale.
  func renderLegend(in row: Rect, buffer: inout ScreenBuffer) {
    var x = row.x
    for entry in series {
      let stroke = entry.stroke == .line ? glyphs.box.horizontal : glyphs.dot
      let value = entry.latestValue(on: scale).map { " " + NumberFormat.compact($0) } ?? ""
      let text = "\(entry.label)\(value)"
      guard x + 2 + text.count <= row.maxX else { break }
      x = buffer.write(String(stroke), x: x, y: row.y, style: entry.style, within: row)
      x = buffer.write(" " + text + "  ", x: x, y: row.y, within: row)
    }
    let scaleName = scale == .logarithmic ? "log" : "linear"
    let scaleX = row.maxX - scaleName.count
    if scaleX >= x { buffer.write(scaleName, x: scaleX, y: row.y, style: axisStyle, within: row) }
  }

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

  /// Draws step numbers under the x axis, centred on their ticks, never overlapping.
  private func renderStepLabels(_ frame: ChartFrame, axisY: Int, buffer: inout ScreenBuffer) {
    let plot = frame.plot
    let ticks = AxisScale.linear.ticks(in: frame.xRange, maxCount: max(1, plot.width / 8))
    var nextFree = frame.area.x
    for tick in ticks {
      guard let column = frame.column(ofStep: tick, glyphs: glyphs) else { continue }
      let label = NumberFormat.count(tick)
      let start = min(max(column - label.count / 2, frame.area.x), frame.area.maxX - label.count)
      guard start >= nextFree else { continue }
      buffer[column, axisY] = Cell(glyphs.box.horizontalTick, style: axisStyle)
      buffer.write(label, x: start, y: axisY + 1, style: axisStyle, within: frame.area)
      nextFree = start + label.count + 1
    }
  }
}
