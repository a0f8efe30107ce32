/// A chart of one or more series over steps: training and validation loss, for example.
///
/// The legend gives each series' stroke, label and latest value (background series: stroke and label).
/// Lines are plotted at sub-cell resolution from the ``GlyphSet`` (braille 2x4 dots per cell, quadrant
/// blocks 2x2, ASCII 1x3), on a log y scale by default. Around the plot: a legend with each series'
/// stroke and latest value (top row), a labelled y axis (1e-3, 0.01, 0.5, 2.3), and an x axis with step
/// numbers (12.4k). Vertical markers mark changes, their labels on a row of their own above the plot
/// (markers too close to label apart collapse into one, "3 changes"); a highlight marks one point with
/// `*`, its label in the legend. Values that cannot be drawn (NaN, infinite, non-positive on a log scale) leave gaps.
/// A legend too wide for one row wraps onto more rows as the height allows. Parts are dropped as the area
/// shrinks: first the legend, then the axes; any area is safe.
public struct LineChart: Widget, Hashable {
  /// The series, drawn in order (later series on top where they share a cell).
  public var series: [ChartSeries]
  /// The y scale; logarithmic by default.
  public var scale: AxisScale
  /// The x scale: linear (steps) by default; logarithmic labels the x axis with values, not step counts.
  public var xScale: AxisScale
  /// The glyphs to draw with.
  public var glyphs: GlyphSet
  /// The steps to show (a zoom window); nil fits all data.
  public var xRange: ClosedRange<Double>?
  /// Vertical markers at given steps.
  public var markers: [ChartMarker]
  /// A point to call out, e.g. the best validation loss.
  public var highlight: ChartHighlight?
  /// The style of axes and their labels.
  public var axisStyle: Style
  /// The style of markers and their labels.
  public var markerStyle: Style
  /// The style of the highlight.
  public var highlightStyle: Style
  /// The step the x axis labels count from: a tick at step `s` reads `s - xLabelOrigin` (a linear x
  /// scale only), so a run that started at step 8,000 reads from 0.
  public var xLabelOrigin: Double = 0
  /// The smallest y range shown, so that a nearly flat curve is not blown up into noise: at least this
  /// many decades on a log scale, or this fraction of the largest magnitude on a linear scale. 0: none.
  public var minimumSpan: Double = 0

  /// Creates a chart.
  public init(
    series: [ChartSeries], scale: AxisScale = .logarithmic, glyphs: GlyphSet, xRange: ClosedRange<Double>? = nil,
    markers: [ChartMarker] = [], highlight: ChartHighlight? = nil, axisStyle: Style = Style(dim: true),
    markerStyle: Style = Style(foreground: .yellow), highlightStyle: Style = Style(foreground: .cyan, bold: true),
    xScale: AxisScale = .linear
  ) {
    self.series = series
    self.scale = scale
    self.xScale = xScale
    self.glyphs = glyphs
    self.xRange = xRange
    self.markers = markers
    self.highlight = highlight
    self.axisStyle = axisStyle
    self.markerStyle = markerStyle
    self.highlightStyle = highlightStyle
  }

  /// Draws the chart into `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    var plotArea = area
    if area.height >= 6 {
      let rows = legendRows(width: area.width, maxRows: max(1, (area.height - 3) / 4))
      renderLegend(rows, in: Rect(x: area.x, y: area.y, width: area.width, height: rows.count), buffer: &buffer)
      plotArea = Rect(x: area.x, y: area.y + rows.count, width: area.width, height: area.height - rows.count)
    }
    guard let ranges = dataRanges() else {
      let message = "no data"
      let x = plotArea.x + max(0, (plotArea.width - message.count) / 2)
      buffer.write(message, x: x, y: plotArea.y + plotArea.height / 2, style: axisStyle, within: plotArea)
      return
    }
    let labelsMarkers = !markers.isEmpty && plotArea.height >= 7
    if labelsMarkers {
      plotArea = Rect(x: plotArea.x, y: plotArea.y + 1, width: plotArea.width, height: plotArea.height - 1)
    }
    let frame = ChartFrame(area: plotArea, xRange: ranges.x, yRange: ranges.y, scale: scale, xScale: xScale)
    renderAxes(frame, buffer: &buffer)
    renderPlot(frame, buffer: &buffer)
    if labelsMarkers { renderMarkerLabels(frame, row: plotArea.y - 1, buffer: &buffer) }
  }

  /// The x and y ranges to show, or nil when nothing is drawable in them.
  ///
  /// - Complexity: O(number of samples), without allocating per sample.
  func dataRanges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
    var low = Double.infinity
    var high = -Double.infinity
    for entry in series {
      for point in entry.linePoints where entry.setsRange && xScale.accepts(point.x) && scale.accepts(point.y) {
        low = min(low, point.x)
        high = max(high, point.x)
      }
    }
    guard low <= high else { return nil }
    let x = xRange ?? (low < high ? low...high : xScale == .linear ? low...(low + 1) : (low / 2)...(low * 2))
    var ys: [Double] = []
    for entry in series where entry.setsRange {
      switch entry.samples {
      case .points(let points):
        for point in points where x.contains(point.x) { ys.append(point.y) }
      case .buckets(let buckets):
        for bucket in buckets where x.contains(bucket.x) {
          ys.append(contentsOf: [bucket.min, bucket.mean, bucket.max])
        }
      }
    }
    if let highlight, x.contains(highlight.x) { ys.append(highlight.y) }
    guard let y = scale.range(of: ys) else { return nil }
    return (x, scale.widened(y, toSpan: minimumSpan))
  }
}
