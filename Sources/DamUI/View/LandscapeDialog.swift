import DamScreen
import DamTraining

/// The loss landscape's view: what is computed and how far (a progress bar), then the 1-D line (training
/// and validation loss against alpha, the initial weights at 0 and the current ones at 1 marked; when
/// forked, the line from branch A to branch B as well) or a 2-D map (contour bands of the training loss
/// on a log scale, the current weights marked, the training path drawn over the path plane).
struct LandscapeDialog: Widget {
  /// The landscape to show.
  let landscape: LandscapeRun
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
    let dialog = Dialog(
      title: "\(AppDialog.landscape.title): \(landscape.kind.label)",
      body: intro + Array(repeating: blank, count: chartRows), footer: AppDialog.landscape.footer, glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let body = dialog.bodyArea(in: area.intersection(buffer.area))
    let chartArea = Rect(x: body.x, y: body.y + intro.count, width: body.width, height: body.height - intro.count)
    guard let result = landscape.result, !chartArea.isEmpty else {
      PlaceholderText(text: landscape.failure == nil ? "computing..." : "nothing to draw")
        .render(in: chartArea, buffer: &buffer)
      return
    }
    switch result.kind {
    case .line: lineChart(result).render(in: chartArea, buffer: &buffer)
    case .random, .path: map(result).render(in: chartArea, buffer: &buffer)
    }
  }

  /// What is computed, and the progress bar or the failure.
  var introLines: [String] {
    let copy = isForked ? "a copy of branch \(landscape.branch.letter)" : "a copy of the weights"
    let what: String
    let current = ContourMap.currentMark(glyphs)
    switch landscape.kind {
    case .line:
      what =
        "Training (green) and validation (yellow) loss on the straight line from the initial weights (alpha 0) "
        + "through the current ones (alpha 1)"
        + (isForked ? "; cyan and magenta: from branch A (0) to branch B (1)." : ".")
    case .random:
      what =
        "Training loss around the current weights (\(current)) along two random filter-normalized directions, "
        + "[-1, 1] on each axis: a wide low basin is a flat minimum, a narrow one a sharp minimum."
    case .path:
      what =
        "Training loss on the plane of the training path's two main directions; \(ContourMap.pathMark): the weights "
        + "at each evaluation, \(current) the current ones."
    }
    let status: String
    if let failure = landscape.failure {
      status = "Cannot compute: \(failure)."
    } else if let result = landscape.result {
      status = "Computed on \(copy) at step \(NumberFormat.count(Double(result.step))); training goes on."
    } else {
      status = "Computing on \(copy): \(progressBar(width: 30)) \(landscape.progress.done)/\(landscape.progress.total)"
    }
    return [what, status]
  }

  /// A bar of `width` cells filled in proportion to the progress.
  func progressBar(width: Int) -> String {
    let total = max(landscape.progress.total, 1)
    let filled = min(width, width * landscape.progress.done / total)
    let full: Character = glyphs.isUnicode ? "█" : "#"
    return "[" + String(repeating: full, count: filled) + String(repeating: " ", count: width - filled) + "]"
  }

  /// The 1-D chart: the losses against alpha, 0 and 1 marked.
  func lineChart(_ result: LandscapeResult) -> LineChart {
    func series(_ label: String, _ grid: LandscapeGrid, _ losses: [Double], _ color: TerminalColor) -> ChartSeries {
      ChartSeries(
        label: label, points: zip(grid.alphas, losses).filter { $0.1.isFinite }.map { ($0.0, $0.1) },
        style: Style(foreground: color))
    }
    var lines = [
      series("train", result.grid, result.grid.trainingLoss, .green),
      series("val", result.grid, result.grid.validationLoss, .yellow),
    ]
    if let branches = result.branchLine {
      lines.append(series("A-B train", branches, branches.trainingLoss, .cyan))
      lines.append(series("A-B val", branches, branches.validationLoss, .magenta))
    }
    let range = (result.grid.alphas.first ?? -0.5)...(result.grid.alphas.last ?? 1.5)
    let markers = [
      ChartMarker(x: 0, label: isForked ? "init/A" : "init"), ChartMarker(x: 1, label: isForked ? "now/B" : "now"),
    ]
    return LineChart(series: lines, scale: .logarithmic, glyphs: glyphs, xRange: range, markers: markers)
  }

  /// The 2-D map: contour bands of the training loss, the current weights and the path marked.
  func map(_ result: LandscapeResult) -> ContourMap {
    let grid = result.grid
    func coordinate(_ value: Double, on axis: [Double]) -> Double {
      guard let first = axis.first, let last = axis.last, last > first else { return 0 }
      return (value - first) / (last - first) * Double(axis.count - 1)
    }
    let path = result.path.map {
      (column: coordinate($0.alpha, on: grid.alphas), row: coordinate($0.beta, on: grid.betas))
    }
    return ContourMap(
      values: grid.trainingLoss, columns: grid.alphas.count, rows: grid.betas.count,
      current: (coordinate(0, on: grid.alphas), coordinate(0, on: grid.betas)), path: path, glyphs: glyphs)
  }
}
