import DamTraining
import Foundation

/// The text `dam-tui lr-find` prints: a table or an ASCII plot of the curve, and how the sweep ended.
enum LRFindChart {
  /// Three significant digits, as `%g` writes them: "0.00316", "1e-07", "10".
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    return String(format: "%.3g", value)
  }

  /// About `rows` points evenly spread over the curve, always with the first, the last, the one nearest
  /// the suggestion and the one where the loss turns up (both marked), one per line under a header.
  static func table(_ result: LearningRateRangeResult, rows: Int) -> [String] {
    let points = result.points
    guard !points.isEmpty else { return [] }
    let stride = max(1, (points.count + rows - 1) / max(rows, 1))
    var indices = Set(Swift.stride(from: 0, to: points.count, by: stride))
    indices.insert(points.count - 1)
    let suggested = result.suggestion.map { nearest(to: $0.learningRate, in: points) }
    let edge = result.suggestion?.edgeStep
    for index in [suggested, edge].compactMap(\.self) { indices.insert(index) }
    var lines = [columns("step", "learning_rate", "loss", "smoothed_loss")]
    for index in indices.sorted() {
      let point = points[index]
      let line = columns(
        String(point.step), number(point.learningRate), number(point.loss), number(point.smoothedLoss))
      let notes = [index == suggested ? "suggested" : nil, index == edge ? "the loss turns up" : nil].compactMap(\.self)
      lines.append(notes.isEmpty ? line : line + "  <- " + notes.joined(separator: ", "))
    }
    return lines
  }

  /// The smoothed loss (`*`) and the raw loss (`.`) against log(lr), `width` x `height` characters of plot
  /// plus axes, with the suggestion's column marked (`|`, `o` on the curve). Losses above the range that
  /// shows the curve up to where it turns up (1.5 times its span there) are drawn on the top row.
  static func plot(_ result: LearningRateRangeResult, width: Int, height: Int) -> [String] {
    let points = result.points
    guard points.count >= 2, width >= 8, height >= 4 else { return table(result, rows: 20) }
    let smoothed = points.map(\.smoothedLoss).filter(\.isFinite)
    guard let low = smoothed.min(), var high = smoothed.max(), high > low else { return table(result, rows: 20) }
    if let edge = result.suggestion?.edgeStep, let before = points[...edge].map(\.smoothedLoss).max() {
      high = min(high, low + 1.5 * (before - low))
    }
    let firstLog = log(points[0].learningRate)
    let span = log(points[points.count - 1].learningRate) - firstLog
    func column(_ learningRate: Double) -> Int {
      Int(((log(learningRate) - firstLog) / span * Double(width - 1)).rounded())
    }
    func row(_ loss: Double) -> Int? {
      guard loss.isFinite else { return nil }
      let fraction = (min(max(loss, low), high) - low) / (high - low)
      return height - 1 - Int((fraction * Double(height - 1)).rounded())
    }
    var grid = [[Character]](repeating: [Character](repeating: " ", count: width), count: height)
    if let suggestion = result.suggestion {
      for line in 0..<height { grid[line][column(suggestion.learningRate)] = "|" }
    }
    for point in points {
      if let y = row(point.loss) { grid[y][column(point.learningRate)] = "." }
    }
    for point in points {
      if let y = row(point.smoothedLoss) { grid[y][column(point.learningRate)] = "*" }
    }
    if let suggestion = result.suggestion {
      let point = points[nearest(to: suggestion.learningRate, in: points)]
      if let y = row(point.smoothedLoss) { grid[y][column(point.learningRate)] = "o" }
    }
    let labelWidth = 9
    var lines = ["smoothed loss (*), loss (.) against the learning rate (log scale)"]
    for (index, cells) in grid.enumerated() {
      let label = index == 0 ? number(high) : index == height - 1 ? number(low) : ""
      lines.append(padded(label, labelWidth) + " |" + String(cells))
    }
    lines.append(String(repeating: " ", count: labelWidth + 1) + "+" + String(repeating: "-", count: width))
    var axis = [Character](repeating: " ", count: labelWidth + 2 + width)
    place(number(points[0].learningRate), at: labelWidth + 2, in: &axis)
    let last = number(points[points.count - 1].learningRate)
    place(last, at: labelWidth + 2 + width - last.count, in: &axis)
    lines.append(String(axis).trimmingTrailingSpaces())
    if let suggestion = result.suggestion {
      var marker = [Character](repeating: " ", count: labelWidth + 2 + width + 16)
      place(
        "^ " + number(suggestion.roundedLearningRate), at: labelWidth + 2 + column(suggestion.learningRate), in: &marker
      )
      lines.append(String(marker).trimmingTrailingSpaces())
    }
    return lines
  }

  /// One line on how the sweep ended, e.g. "stopped after 151 of 200 steps: the smoothed loss passed 4x
  /// its best at lr 0.562".
  static func ending(_ result: LearningRateRangeResult, plannedSteps: Int) -> String {
    guard let last = result.points.last else { return "no steps ran" }
    switch result.end ?? .completed {
    case .completed:
      return "completed \(result.points.count) steps up to lr \(number(last.learningRate))"
    case .diverged:
      return
        "stopped after \(result.points.count) of \(plannedSteps) steps: the smoothed loss passed its divergence limit at lr \(number(last.learningRate))"
    case .nonFinite:
      return
        "stopped after \(result.points.count) of \(plannedSteps) steps: the loss became non-finite at lr \(number(last.learningRate))"
    }
  }

  /// The index of the point whose rate is nearest to `learningRate` on a log scale.
  private static func nearest(to learningRate: Double, in points: [LearningRateRangePoint]) -> Int {
    points.indices.min {
      abs(log(points[$0].learningRate / learningRate)) < abs(log(points[$1].learningRate / learningRate))
    }!
  }

  private static func columns(_ step: String, _ learningRate: String, _ loss: String, _ smoothed: String) -> String {
    padded(step, 5) + "  " + padded(learningRate, 13) + "  " + padded(loss, 9) + "  " + padded(smoothed, 13)
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private static func place(_ text: String, at offset: Int, in line: inout [Character]) {
    let start = max(0, min(offset, line.count - text.count))
    for (index, character) in text.enumerated() where start + index < line.count { line[start + index] = character }
  }
}

extension String {
  /// The string without trailing spaces.
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
