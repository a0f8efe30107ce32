/// Where a chart's plot and axes go inside its area, and how values map to dots.
struct ChartFrame {
  /// The cells holding the plot itself.
  let plot: Rect
  /// The whole chart area below the legend.
  let area: Rect
  /// Whether axes are drawn (the area is big enough).
  let showsAxes: Bool
  /// The y ticks and their labels.
  let yTicks: [(value: Double, label: String)]
  let xRange: ClosedRange<Double>
  let yRange: ClosedRange<Double>
  let scale: AxisScale
  /// The x scale: linear for steps, logarithmic for a learning-rate sweep.
  let xScale: AxisScale
  /// The y range's ends on the scale's axis (log10 for a log scale), computed once for speed.
  private let yAxisLow: Double
  private let yAxisSpan: Double

  /// Lays out a chart: y labels on the left, then the axis, then the plot; the x axis line and its
  /// labels on the bottom two rows.
  init(
    area: Rect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, scale: AxisScale,
    xScale: AxisScale = .linear
  ) {
    self.area = area
    self.xRange = xRange
    self.yRange = yRange
    self.scale = scale
    self.xScale = xScale
    yAxisLow = scale.transform(yRange.lowerBound)
    yAxisSpan = scale.transform(yRange.upperBound) - yAxisLow
    showsAxes = area.height >= 4 && area.width >= 12
    guard showsAxes else {
      plot = area
      yTicks = []
      return
    }
    let plotHeight = area.height - 2
    var ticks = scale.ticks(in: yRange, maxCount: max(2, (plotHeight + 1) / 2))
    if ticks.isEmpty { ticks = [yRange.lowerBound, yRange.upperBound] }
    yTicks = Array(zip(ticks, Self.distinctLabels(ticks)))
    let labelWidth = min(7, yTicks.map(\.label.count).max() ?? 0)
    plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: plotHeight)
  }

  /// Compact labels for `ticks`, with as many significant digits (3 to 6) as it takes to tell them apart:
  /// ticks 0.0005 apart on a nearly flat curve read 0.6925, 0.693, 0.6935, not 0.693 three times.
  static func distinctLabels(_ ticks: [Double]) -> [String] {
    var labels = ticks.map { NumberFormat.compact($0) }
    for digits in 4...6 where Set(labels).count < labels.count {
      labels = ticks.map { NumberFormat.compact($0, significantDigits: digits) }
    }
    return labels
  }

  /// The dot column of step `x` in a grid `dotWidth` dots wide.
  func dotX(_ x: Double, dotWidth: Int) -> Double {
    xScale.fraction(of: x, in: xRange) * Double(dotWidth - 1)
  }

  /// The dot row of value `y` in a grid `dotHeight` dots tall (row 0 at the top).
  func dotY(_ y: Double, dotHeight: Int) -> Double {
    let fraction = yAxisSpan > 0 ? (scale.transform(y) - yAxisLow) / yAxisSpan : 0.5
    return (1 - fraction) * Double(dotHeight - 1)
  }

  /// The plot column of step `x`, if it is inside the plot.
  func column(ofStep x: Double, glyphs: GlyphSet) -> Int? {
    guard xRange.contains(x), plot.width > 0 else { return nil }
    let dot = dotX(x, dotWidth: plot.width * glyphs.dotColumns).rounded()
    return plot.x + Int(dot) / glyphs.dotColumns
  }

  /// The plot row of value `y`, if it is inside the plot.
  func row(ofValue y: Double, glyphs: GlyphSet) -> Int? {
    guard scale.accepts(y), plot.height > 0 else { return nil }
    let dot = dotY(y, dotHeight: plot.height * glyphs.dotRows).rounded()
    guard dot >= 0, dot < Double(plot.height * glyphs.dotRows) else { return nil }
    return plot.y + Int(dot) / glyphs.dotRows
  }
}
