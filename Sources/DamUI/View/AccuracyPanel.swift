import DamScreen
import DamTraining

/// The accuracy chart beside the loss chart on large screens (classification only): training and
/// validation accuracy at each evaluation, on a linear scale, over the same steps as the loss chart.
struct AccuracyPanel: Widget {
  /// The session's latest snapshot.
  let snapshot: Snapshot
  /// The steps to show.
  let window: StepWindow
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: "Accuracy", glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    let columns = inner.width * glyphs.dotColumns
    let history = snapshot.history
    let chart = LineChart(
      series: [
        ChartSeries(
          label: "train", samples: .points(history.trainingAccuracy.chartPoints(in: window, columns: columns))),
        ChartSeries(
          label: "val", samples: .points(history.validationAccuracy.chartPoints(in: window, columns: columns)),
          style: Style(foreground: .magenta, bold: true)),
      ],
      scale: .linear, glyphs: glyphs, xRange: Double(window.steps.lowerBound)...Double(window.steps.upperBound))
    chart.render(in: inner, buffer: &buffer)
  }
}

extension MetricSeries {
  /// The means of the series inside `window` as chart points, at most `columns` of them.
  fileprivate func chartPoints(in window: StepWindow, columns: Int) -> [ChartPoint] {
    chartBuckets(in: window, columns: columns).map { ChartPoint(x: $0.x, y: $0.mean) }
  }
}
