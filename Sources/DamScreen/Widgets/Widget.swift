/// Something that draws itself into a screen buffer.
///
/// The whole contract is one function: a widget is a plain value, `render` writes only inside
/// `area` (clipped to the buffer) and never touches the terminal. Any area, including an empty one,
/// is valid.
public protocol Widget: Sendable {
  /// Draws the widget into `area` of `buffer`.
  func render(in area: Rect, buffer: inout ScreenBuffer)
}

extension ScreenBuffer {
  /// Renders `widget` into `area`.
  public mutating func render(_ widget: some Widget, in area: Rect) {
    widget.render(in: area, buffer: &self)
  }

  /// Writes `text` inside `area` on row `y`, clipped to the area's columns and rows.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, within area: Rect) -> Int {
    guard y >= area.y, y < area.maxY, x < area.maxX else { return x }
    let skipped = max(0, area.x - x)
    let visible = String(text.dropFirst(skipped))
    return write(visible, x: x + skipped, y: y, style: style, maxWidth: area.maxX - (x + skipped))
  }
}
