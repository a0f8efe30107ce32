import DamScreen
import DamTraining

/// The overfit-one-batch check's dialog: the verdict, its numbers in a sentence, and the loss on the
/// batch step by step against the target loss.
struct OverfitCheckDialog: Widget {
  /// The check to show.
  let check: OverfitCheckRun
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
    let chartRows = max(0, min(rows - intro.count, 14))
    let blank = String(repeating: " ", count: textWidth)
    let dialog = Dialog(
      title: AppDialog.overfitCheck.title, body: intro + Array(repeating: blank, count: chartRows),
      footer: AppDialog.overfitCheck.footer, glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let body = dialog.bodyArea(in: area.intersection(buffer.area))
    let chartArea = Rect(x: body.x, y: body.y + intro.count, width: body.width, height: body.height - intro.count)
    guard let report = check.report, !report.losses.isEmpty, !chartArea.isEmpty else {
      PlaceholderText(text: "copying the weights...").render(in: chartArea, buffer: &buffer)
      return
    }
    chart(report).render(in: chartArea, buffer: &buffer)
  }

  /// The verdict, what runs, and the report's sentence.
  var introLines: [String] {
    let copy = isForked ? "a copy of branch \(check.branch.letter)" : "a copy of the weights"
    let what =
      "Training \(copy) on one batch with L1, L2 and dropout off, for at most \(check.settings.steps) steps; "
      + "the live run is untouched."
    guard let report = check.report else { return ["Verdict: running", what] }
    return ["Verdict: \(Self.word(for: report.verdict))", what, report.summary]
  }

  /// The verdict in one word or two.
  static func word(for verdict: OverfitOneBatchVerdict?) -> String {
    switch verdict {
    case nil: "running"
    case .memorised: "memorised (passes)"
    case .stalled: "stalled (fails)"
    case .diverged: "diverged (fails)"
    }
  }

  /// The batch loss by step, with the target loss as a flat line.
  func chart(_ report: OverfitOneBatchReport) -> LineChart {
    let losses = ChartSeries(
      label: "batch loss", points: report.losses.enumerated().map { (Double($0.offset + 1), $0.element) },
      style: Style(foreground: .green))
    let target = ChartSeries(
      label: "target", points: [(1, report.targetLoss), (Double(max(check.settings.steps, 2)), report.targetLoss)],
      style: Style(foreground: .yellow))
    return LineChart(
      series: [target, losses], scale: .logarithmic, glyphs: glyphs, xRange: 1...Double(max(check.settings.steps, 2)))
  }
}
