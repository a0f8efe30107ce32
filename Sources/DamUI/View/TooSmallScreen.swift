import DamScreen

/// What a screen below `AppLayout`'s minimum size shows instead of squeezed panels: the minimum, the
/// current size, and that `q` still quits, centred.
struct TooSmallScreen: Widget {
  /// The terminal's width.
  let width: Int
  /// The terminal's height.
  let height: Int

  /// The lines, most important last so that a one-row terminal still shows the quit key.
  var lines: [String] {
    [
      "terminal too small (need \(AppLayout.minimumWidth)x\(AppLayout.minimumHeight))",
      "now \(width)x\(height)",
      "q quits",
    ]
  }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let shown = area.height >= lines.count ? lines : ["too small: q quits"]
    let top = area.y + (area.height - shown.count) / 2
    for (index, line) in shown.enumerated() {
      let x = area.x + max(0, (area.width - line.count) / 2)
      let style = index == shown.count - 1 ? Style(bold: true) : Style(foreground: .yellow)
      buffer.write(line, x: x, y: top + index, style: style, within: area)
    }
  }
}
