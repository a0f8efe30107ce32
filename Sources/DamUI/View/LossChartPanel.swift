import DamScreen
import DamTraining

/// The loss chart panel: training loss as a line smoothed by an exponential moving average (the raw
/// batch losses as faint dots behind it; `m` cycles the smoothing), validation loss as points, the y
/// range following the smoothed curve and validation with a floor on its span, a marker at every applied
/// change saying what changed, and the best validation loss marked, over the whole run or the recent
/// window, on a log or linear scale.
///
/// The x axis counts steps from the current run's start (0 after `i`, `r` or a preset load). Earlier
/// runs (ghosts) are drawn dimmed behind, from the current run's first step, each with its number as its
/// glyph, its validation loss as dim dots, and a label saying what it had that differs. While a fork runs, the fork's
/// losses from the fork step on are drawn with `+` (training) and `o` (validation) over the main run's,
/// and the legend names the branches A and B.
struct LossChartPanel: Widget {
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// The steps to show; nil without a snapshot.
  let window: StepWindow?
  /// Log or linear.
  let scale: AxisScale
  /// How the training loss is smoothed.
  var smoothing = LossSmoothing.medium
  /// Whether the chart has keyboard focus.
  let isFocused: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// The earlier runs to draw behind, oldest first.
  var ghosts: [GhostRun] = []
  /// The settings ghost labels are compared with: the current run's.
  var currentSettings: Preset?
  /// The step the current run started at (ghosts are drawn from there).
  var runStartStep = 0
  /// The fork's latest snapshot and the step it was made at, while a fork runs.
  var fork: (snapshot: Snapshot, startStep: Int)?

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let window = window.map { $0.showingGhosts(from: runStartStep, ghostLength: ghosts.map(\.length).max() ?? 0) }
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
    let branch = fork == nil ? "" : "A "
    let raw = history.trainingLoss.chartBuckets(in: window, columns: columns)
    var training = ChartSeries(label: branch + "train", samples: .buckets(raw))
    var batches: [ChartSeries] = []
    if smoothing != .off {
      training.label = branch + "train ema \(smoothing.name)"
      training.samples = .points(
        history.trainingLoss.smoothedPoints(
          weight: smoothing.weight, from: runStartStep, over: window.steps, columns: columns))
      batches = [ChartSeries(label: "batch", samples: .buckets(raw), stroke: .faint, style: Style(dim: true))]
    }
    let validation = ChartSeries(
      label: branch + "val", samples: .buckets(history.validationLoss.chartBuckets(in: window, columns: columns)),
      stroke: .points, style: Style(foreground: .magenta, bold: true))
    var markers = history.markers.filter { window.steps.contains($0.step) }.map {
      ChartMarker(x: Double($0.step), label: $0.summary)
    }
    var series = ghostSeries(in: window) + batches + [training, validation]
    if let fork {
      series += forkSeries(fork.snapshot, from: fork.startStep, window: window, columns: columns)
      markers += fork.snapshot.history.markers.filter {
        $0.step >= fork.startStep && window.steps.contains($0.step) && !history.markers.contains($0)
      }.map { ChartMarker(x: Double($0.step), label: "B " + $0.summary) }
    }
    let best = snapshot.bestValidation.map {
      ChartHighlight(x: Double($0.step), y: $0.loss, label: "best \(NumberFormat.compact($0.loss))")
    }
    var chart = LineChart(
      series: series, scale: scale, glyphs: glyphs,
      xRange: Double(window.steps.lowerBound)...Double(window.steps.upperBound), markers: markers, highlight: best)
    chart.minimumSpan = Self.minimumSpan
    chart.xLabelOrigin = Double(runStartStep)
    return chart
  }

  /// The least y span: half a decade on the log scale, half the largest value on the linear one, so the
  /// noise of a slowly moving loss is not blown up to the chart's height.
  static let minimumSpan = 0.5

  /// The ghosts' smoothed training losses, each drawn with its number, and their validation losses as
  /// dim dots, shifted to start at the current run's first step; neither sets the y range (a ghost off
  /// the chart shows as arrows on its edge).
  private func ghostSeries(in window: StepWindow) -> [ChartSeries] {
    ghosts.enumerated().flatMap { index, ghost in
      let number = index + 1
      let shifted = { (points: [ChartPoint]) in
        points.map { ChartPoint(x: $0.x + Double(self.runStartStep), y: $0.y) }
          .filter { window.steps.contains(Int($0.x)) }
      }
      return [
        ChartSeries(
          label: currentSettings.map { ghost.label(number: number, comparedWith: $0) } ?? "ghost \(number)",
          samples: .points(shifted(ghost.trainingLoss)), stroke: .marks(GhostRun.mark(number: number)),
          style: Style(dim: true), isBackground: true),
        ChartSeries(
          label: "ghost \(number) val", samples: .points(shifted(ghost.validationLoss)), stroke: .points,
          style: Style(dim: true), isBackground: true),
      ]
    }
  }

  /// The fork's training and validation losses from `startStep` on.
  private func forkSeries(_ fork: Snapshot, from startStep: Int, window: StepWindow, columns: Int) -> [ChartSeries] {
    let history = fork.history
    let style = Style(foreground: .cyan, bold: true)
    let training: ChartSeries.Samples =
      smoothing == .off
      ? .buckets(history.trainingLoss.chartBuckets(in: window, columns: columns).filter { $0.x >= Double(startStep) })
      : .points(
        history.trainingLoss.smoothedPoints(
          weight: smoothing.weight, from: runStartStep, over: window.steps, columns: columns
        ).filter { $0.x >= Double(startStep) })
    let validation = history.validationLoss.chartBuckets(in: window, columns: columns).filter {
      $0.x >= Double(startStep)
    }
    return [
      ChartSeries(label: "B train", samples: training, stroke: .marks("+"), style: style),
      ChartSeries(label: "B val", samples: .buckets(validation), stroke: .marks("o"), style: style),
    ]
  }
}
