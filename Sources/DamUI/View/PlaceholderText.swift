import DamScreen

/// A dim line of text centred in an area, for panels with nothing to draw yet.
struct PlaceholderText: Widget {
  /// The text, e.g. "waiting for the first step".
  let text: String

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let x = area.x + max(0, (area.width - text.count) / 2)
    buffer.write(text, x: x, y: area.y + (area.height - 1) / 2, style: Style(dim: true), within: area)
  }
}
