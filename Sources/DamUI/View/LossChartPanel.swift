import DamTraining

/// The loss chart panel: training (mini-batch) loss as a line with its min...max spread, validation loss
/// as points, a marker at every applied change saying what changed, and the best validation loss
/// marked, over the whole run or the recent window, on a log or linear scale.
struct LossChartPanel: Widget {
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// The steps to show; nil without a snapshot.
  let window: StepWindow?
  /// Log or linear.
  let scale: AxisScale
  /// Whether the chart has keyboard focus.
  let isFocused: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let title = window.map { "Loss (\($0.caption))" } ?? "Loss"
    let panel = Panel(title: title, isFocused: isFocused, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard let snapshot, let window else {
      PlaceholderText(text: "waiting for the first step").render(in: inner, buffer: &buffer)
      return
    }
    chart(snapshot, window: window, columns: inner.width * glyphs.dotColumns).render(in: inner, buffer: &buffer)
  }

  /// The chart of `snapshot`'s losses inside `window`, resampled to `columns` dot columns.
  func chart(_ snapshot: Snapshot, window: StepWindow, columns: Int) -> LineChart {
    let history = snapshot.history
    let training = ChartSeries(
      label: "train", samples: .buckets(history.trainingLoss.chartBuckets(in: window, columns: columns)))
    let validation = ChartSeries(
      label: "val", samples: .buckets(history.validationLoss.chartBuckets(in: window, columns: columns)),
      stroke: .points, style: Style(foreground: .magenta, bold: true))
    let markers = history.markers.filter { window.steps.contains($0.step) }.map {
      ChartMarker(x: Double($0.step), label: $0.summary)
    }
    let best = snapshot.bestValidation.map {
      ChartHighlight(x: Double($0.step), y: $0.loss, label: "best \(NumberFormat.compact($0.loss))")
    }
    return LineChart(
      series: [training, validation], scale: scale, glyphs: glyphs,
      xRange: Double(window.steps.lowerBound)...Double(window.steps.upperBound), markers: markers, highlight: best)
  }
}
