import DamScreen
import DamTraining

/// The learning-rate range test's dialog: what runs and how far, the suggestion, and the loss against
/// the learning rate on a log axis (mini-batch losses as points, the smoothed loss as a line), the
/// suggested value marked with `*` and the branch's current rate with a marker line.
struct RangeTestDialog: Widget {
  /// The test to show.
  let test: RangeTestRun
  /// Whether a fork runs (the text then names the branch).
  let isForked: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// The widest line of text the dialog may hold.
  let textWidth: Int
  /// The most body rows the dialog may have.
  let rows: Int

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let intro = introLines.flatMap { TextWrap.lines($0, width: textWidth) }
    let chartRows = max(0, rows - intro.count)
    let blank = String(repeating: " ", count: textWidth)
    let footer =
      test.suggestion.map {
        "Enter: apply \(NumberFormat.compact($0.roundedLearningRate, significantDigits: 4))  Esc: close"
      }
      ?? "Esc: close (stops the test)"
    let dialog = Dialog(
      title: AppDialog.rangeTest.title, body: intro + Array(repeating: blank, count: chartRows), footer: footer,
      glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let body = dialog.bodyArea(in: area.intersection(buffer.area))
    let chartArea = Rect(x: body.x, y: body.y + intro.count, width: body.width, height: body.height - intro.count)
    guard let result = test.result, !result.points.isEmpty, !chartArea.isEmpty else {
      PlaceholderText(text: "copying the weights...").render(in: chartArea, buffer: &buffer)
      return
    }
    chart(result).render(in: chartArea, buffer: &buffer)
  }

  /// What runs, how far it got or why it stopped, and the suggestion.
  var introLines: [String] {
    let settings = test.settings
    let copy = isForked ? "a copy of branch \(test.branch.letter)" : "a copy of the weights"
    let sweep =
      "Raising the learning rate from \(NumberFormat.compact(settings.startLearningRate)) to "
      + "\(NumberFormat.compact(settings.endLearningRate)) over \(settings.steps) steps on \(copy); "
      + "the live run is untouched."
    let points = test.result?.points.count ?? 0
    let progress: String
    switch test.result?.end {
    case nil: progress = "Running: step \(points) of \(settings.steps)."
    case .completed: progress = "Done: \(points) steps."
    case .diverged: progress = "Stopped after \(points) steps: the loss diverged."
    case .nonFinite: progress = "Stopped after \(points) steps: the loss became NaN or infinite."
    }
    let now = NumberFormat.compact(test.currentLearningRate)
    let suggestion =
      test.suggestion.map {
        "Suggested learning rate: \(NumberFormat.compact($0.roundedLearningRate, significantDigits: 4)) (\(Self.reason(for: $0.rule))); "
          + "now \(now)."
      }
      ?? (test.isFinished
        ? "No suggestion: the loss turned up at once (learning rate now \(now))."
        : "The suggestion comes when the sweep ends (learning rate now \(now)).")
    return [sweep, progress + " " + suggestion]
  }

  /// Why the rule chose the rate, in words.
  static func reason(for rule: LearningRateSuggestion.Rule) -> String {
    switch rule {
    case .steepestDescent: "where the smoothed loss falls fastest before it turns up"
    case .tenthOfEdge: "a tenth of where the loss turns up: the curve has no clear descent"
    }
  }

  /// The loss curve against the learning rate.
  func chart(_ result: LearningRateRangeResult) -> LineChart {
    let raw = ChartSeries(
      label: "batch loss", points: result.points.map { ($0.learningRate, $0.loss) }, stroke: .points,
      style: Style(dim: true))
    let smoothed = ChartSeries(
      label: "smoothed", points: result.points.map { ($0.learningRate, $0.smoothedLoss) },
      style: Style(foreground: .green))
    let highlight = test.suggestion.map { suggestion in
      ChartHighlight(
        x: suggestion.learningRate, y: result.points[suggestion.step].smoothedLoss,
        label: "suggested \(NumberFormat.compact(suggestion.roundedLearningRate, significantDigits: 4))")
    }
    let low = test.settings.startLearningRate
    let high = test.settings.endLearningRate
    let now = ChartMarker(x: test.currentLearningRate, label: "now \(NumberFormat.compact(test.currentLearningRate))")
    return LineChart(
      series: [raw, smoothed], scale: .logarithmic, glyphs: glyphs, xRange: low...high,
      markers: (low...high).contains(test.currentLearningRate) ? [now] : [], highlight: highlight, xScale: .logarithmic)
  }
}
