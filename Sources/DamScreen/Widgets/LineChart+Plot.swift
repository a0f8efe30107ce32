extension LineChart {
  /// Draws the series, then the markers where no series passes, then the highlight.
  ///
  /// Each series' dots are merged into one mask per cell as they are plotted (later series win the
  /// style), so drawing reads every cell once. Background marks then fill cells no line lit, and the
  /// other marks go over everything.
  /// - Complexity: O(plot cells + samples + dots drawn).
  func renderPlot(_ frame: ChartFrame, buffer: inout ScreenBuffer) {
    let plot = frame.plot
    guard !plot.isEmpty else { return }
    var lines = PlotLayer(cells: plot.width * plot.height)
    var bands = PlotLayer(cells: plot.width * plot.height)
    for (index, entry) in series.enumerated() where entry.mark == nil {
      if entry.stroke != .faint { lines.merge(lineGrid(for: entry, frame: frame), series: index) }
      if let band = bandGrid(for: entry, frame: frame) { bands.merge(band, series: index) }
    }
    var occupied = [Bool](repeating: false, count: plot.width * plot.height)
    for entry in series where entry.isBackground {
      renderMarks(of: entry, frame: frame, over: lines.masks, occupied: &occupied, buffer: &buffer)
    }
    for row in 0..<plot.height {
      for column in 0..<plot.width {
        let cell = row * plot.width + column
        var style: Style
        let mask: UInt8
        if lines.masks[cell] != 0 {
          mask = lines.masks[cell]
          style = series[lines.owners[cell]].style
        } else if bands.masks[cell] != 0 && !occupied[cell] {
          mask = bands.masks[cell]
          style = series[bands.owners[cell]].style
          style.dim = true
        } else {
          continue
        }
        buffer[plot.x + column, plot.y + row] = Cell(glyphs.glyph(forDots: mask), style: style)
        occupied[cell] = true
      }
    }
    for entry in series where !entry.isBackground {
      renderMarks(of: entry, frame: frame, over: nil, occupied: &occupied, buffer: &buffer)
    }
    renderMarkerLines(frame, occupied: occupied, buffer: &buffer)
    renderHighlight(frame, buffer: &buffer)
  }

  /// The series' line (or points) as dots.
  ///
  /// - Complexity: O(samples + dots drawn); pass buckets for long histories.
  private func lineGrid(for entry: ChartSeries, frame: ChartFrame) -> DotGrid {
    var grid = DotGrid(glyphs: glyphs, columns: frame.plot.width, rows: frame.plot.height)
    var previous: (x: Double, y: Double)?
    for point in entry.linePoints {
      guard xScale.accepts(point.x), scale.accepts(point.y) else {
        previous = nil
        continue
      }
      let x = frame.dotX(point.x, dotWidth: grid.dotWidth)
      let y = frame.dotY(point.y, dotHeight: grid.dotHeight)
      if let previous, previous.x.rounded() == x.rounded(), previous.y.rounded() == y.rounded() {
        continue  // same dot as the last point: nothing new to draw
      }
      if entry.stroke == .line, let previous {
        grid.line(x0: previous.x, y0: previous.y, x1: x, y1: y)
      } else {
        grid.line(x0: x, y0: y, x1: x, y1: y)
      }
      previous = (x, y)
    }
    return grid
  }

  /// Draws a `marks` series: its mark at the mean value of each plot column its points fall in, except
  /// in cells `lineMasks` lights (when given); nothing for other strokes. A background series' value
  /// beyond the y range is drawn as an arrow on the edge it passes (it does not set the range).
  /// - Complexity: O(samples + plot width).
  private func renderMarks(
    of entry: ChartSeries, frame: ChartFrame, over lineMasks: [UInt8]?, occupied: inout [Bool],
    buffer: inout ScreenBuffer
  ) {
    guard let mark = entry.mark else { return }
    let plot = frame.plot
    var sums = [Double](repeating: 0, count: plot.width)
    var counts = [Int](repeating: 0, count: plot.width)
    for point in entry.linePoints where xScale.accepts(point.x) && scale.accepts(point.y) {
      guard let column = frame.column(ofStep: point.x, glyphs: glyphs) else { continue }
      sums[column - plot.x] += scale.transform(point.y)
      counts[column - plot.x] += 1
    }
    for column in 0..<plot.width where counts[column] > 0 {
      let value = scale.inverse(sums[column] / Double(counts[column]))
      var glyph = mark
      var row = frame.row(ofValue: value, glyphs: glyphs)
      if row == nil, entry.isBackground {
        let above = value > frame.yRange.upperBound
        row = above ? plot.y : plot.maxY - 1
        glyph = above ? glyphs.arrowUp : glyphs.arrowDown
      }
      guard let row else { continue }
      let cell = (row - plot.y) * plot.width + column
      if let lineMasks, lineMasks[cell] != 0 { continue }
      buffer[plot.x + column, row] = Cell(glyph, style: entry.style)
      occupied[cell] = true
    }
  }

  /// The min...max spread of a bucketed series as vertical strokes (a faint series: a dot at each mean), or
  /// nil for raw points.
  private func bandGrid(for entry: ChartSeries, frame: ChartFrame) -> DotGrid? {
    guard case .buckets(let buckets) = entry.samples else { return nil }
    var grid = DotGrid(glyphs: glyphs, columns: frame.plot.width, rows: frame.plot.height)
    for bucket in buckets where xScale.accepts(bucket.x) {
      let faint = entry.stroke == .faint
      let low = scale.accepts(bucket.min) && !faint ? bucket.min : bucket.mean
      let high = scale.accepts(bucket.max) && !faint ? bucket.max : bucket.mean
      guard scale.accepts(low), scale.accepts(high) else { continue }
      let x = frame.dotX(bucket.x, dotWidth: grid.dotWidth)
      grid.line(
        x0: x, y0: frame.dotY(low, dotHeight: grid.dotHeight), x1: x, y1: frame.dotY(high, dotHeight: grid.dotHeight))
    }
    return grid
  }

  /// Draws one dashed line per marker group (``markerGroups(in:)``) through the free cells of the plot.
  private func renderMarkerLines(_ frame: ChartFrame, occupied: [Bool], buffer: inout ScreenBuffer) {
    let plot = frame.plot
    for group in markerGroups(in: frame) {
      for row in plot.y..<plot.maxY where !occupied[(row - plot.y) * plot.width + group.column - plot.x] {
        buffer[group.column, row] = Cell(glyphs.box.dashedVertical, style: markerStyle)
      }
    }
  }

  /// Draws the highlight as `*` (its label is in the legend, so it never covers a curve).
  private func renderHighlight(_ frame: ChartFrame, buffer: inout ScreenBuffer) {
    guard let highlight, let column = frame.column(ofStep: highlight.x, glyphs: glyphs),
      let row = frame.row(ofValue: highlight.y, glyphs: glyphs)
    else { return }
    buffer[column, row] = Cell("*", style: highlightStyle)
  }
}

/// The dots of several series merged cell by cell: each cell's mask, and the last series lighting it.
private struct PlotLayer {
  /// The union of the merged grids' dot masks, row by row.
  private(set) var masks: [UInt8]
  /// The index of the last series with a dot in each cell (meaningful where the mask is not 0).
  private(set) var owners: [Int]

  init(cells: Int) {
    masks = [UInt8](repeating: 0, count: cells)
    owners = [Int](repeating: 0, count: cells)
  }

  /// Adds the dots of `grid` (of the same size), drawn for series `series`.
  mutating func merge(_ grid: DotGrid, series: Int) {
    let source = grid.cellMasks
    for cell in source.indices where source[cell] != 0 {
      masks[cell] |= source[cell]
      owners[cell] = series
    }
  }
}
