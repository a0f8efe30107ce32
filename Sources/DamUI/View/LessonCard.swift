import DamScreen
import DamTraining

/// The lesson card, drawn over the gradient panel so the loss chart stays readable: the preset's title,
/// its description, the numbered tries and the goal with "met" or "not yet"; at the end stop, the summary
/// instead (goal met or not, best validation loss and its step, each finding that fired with its step,
/// the tries). It only draws: every key keeps working on the panels.
struct LessonCard: Widget {
  /// The preset of the run (title, description, `[lesson]`).
  let preset: Preset
  /// The lesson's progress.
  let lesson: LessonState
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard area.width >= 12, area.height >= 3 else { return }
    buffer.fill(area)
    let title = lesson.hasEnded ? "End of the lesson  Space trains on  t hides" : "Lesson  t hides  1-9 try"
    Panel(title: title, glyphs: glyphs).render(in: area, buffer: &buffer)
    let inner = area.inset(by: 1).inset(horizontally: 1)
    let lines = lesson.hasEnded ? summaryLines(width: inner.width) : cardLines(width: inner.width, rows: inner.height)
    for (row, line) in lines.prefix(inner.height).enumerated() {
      buffer.write(line.text, x: inner.x, y: inner.y + row, style: line.style, maxWidth: inner.width)
    }
  }

  /// One row of the card.
  struct Line: Equatable {
    var text: String
    var style = Style.plain
  }

  /// Title, as much of the description as fits, the tries and the goal at the bottom.
  func cardLines(width: Int, rows: Int) -> [Line] {
    let tail = tryLines(width: width) + (preset.lesson.goal.map { [goalLine($0, ended: false)] } ?? [])
    let head = [Line(text: Self.printable(preset.title), style: Style(bold: true))]
    let room = max(0, rows - head.count - tail.count)
    let description = TextWrap.lines(Self.printable(preset.description), width: width)
      .filter { !$0.isEmpty }.prefix(room).map { Line(text: $0) }
    return head + description + tail
  }

  /// The summary at the end stop.
  func summaryLines(width: Int) -> [Line] {
    var lines: [Line] = [Line(text: Self.printable(preset.title), style: Style(bold: true))]
    if let goal = preset.lesson.goal { lines.append(goalLine(goal, ended: true)) }
    if let best = lesson.bestLoss, let step = lesson.bestStep {
      lines.append(Line(text: "best validation loss \(NumberFormat.compact(best)) at step \(step)"))
    }
    let fired = lesson.progress.fired.map { "\($0.id.rawValue) (step \($0.step))" }
    let findings = fired.isEmpty ? "findings: none fired" : "findings: " + fired.joined(separator: ", ")
    lines += TextWrap.lines(findings, width: width).map { Line(text: $0) }
    return lines + tryLines(width: width)
  }

  private func tryLines(width: Int) -> [Line] {
    preset.lesson.tries.enumerated().map { index, entry in
      Line(text: Self.printable("\(index + 1) \(entry.summary): \(entry.reason)"))
    }
  }

  private func goalLine(_ goal: LessonGoal, ended: Bool) -> Line {
    let met = lesson.isMet(goal)
    var text = "goal \(goal): " + (met ? "met" : ended ? "not met" : "not yet")
    if let value = lesson.value(of: goal) { text += " (now \(NumberFormat.compact(value)))" }
    return Line(text: Self.printable(text), style: Style(bold: true, reverse: met))
  }

  /// `text` with control characters (escape sequences from a preset file) shown as spaces.
  static func printable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0 == "\n" ? " " : $0.properties.generalCategory == .control ? " " : $0 }))
  }
}

extension Rect {
  /// The rectangle narrowed by `amount` columns on each side.
  fileprivate func inset(horizontally amount: Int) -> Rect {
    Rect(x: x + amount, y: y, width: max(0, width - 2 * amount), height: height)
  }
}
