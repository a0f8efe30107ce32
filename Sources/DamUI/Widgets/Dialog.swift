/// A centred box over the screen: a title, body lines and a footer hint (e.g. "Enter: load  Esc: close").
///
/// The dialog sizes itself to its text, never beyond the area; it clears what it covers. Body lines
/// that do not fit are cut.
public struct Dialog: Widget, Hashable {
  /// The title in the border.
  public var title: String
  /// The body, one string a line.
  public var body: [String]
  /// The hint on the last inner row.
  public var footer: String
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Creates a dialog.
  public init(title: String, body: [String], footer: String = "Esc: close", glyphs: GlyphSet) {
    self.title = title
    self.body = body
    self.footer = footer
    self.glyphs = glyphs
  }

  /// Where the dialog goes inside `area`: centred, sized to its text plus a border and margins.
  public func frame(in area: Rect) -> Rect {
    let contentWidth = ([title.count + 4, footer.count] + body.map(\.count)).max() ?? 0
    let width = min(area.width, contentWidth + 4)
    let height = min(area.height, body.count + 4)
    return Rect(
      x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
  }

  /// Draws the dialog centred in `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let frame = frame(in: area.intersection(buffer.area))
    guard !frame.isEmpty else { return }
    buffer.fill(frame)
    let panel = Panel(title: title, isFocused: true, glyphs: glyphs)
    panel.render(in: frame, buffer: &buffer)
    let inner = panel.inner(frame)
    let text = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    for (index, line) in body.prefix(max(0, text.height - 2)).enumerated() {
      buffer.write(line, x: text.x, y: text.y + index, within: text)
    }
    if text.height >= 1 {
      buffer.write(footer, x: text.x, y: text.maxY - 1, style: Style(dim: true), within: text)
    }
  }
}
