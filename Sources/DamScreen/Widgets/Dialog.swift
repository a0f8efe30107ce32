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

  /// The rows for the body inside the dialog's frame in `area` (a caller may draw its own content,
  /// such as a selectable list, there instead of body lines).
  public func bodyArea(in area: Rect) -> Rect {
    let text = frame(in: area).inset(by: 1)
    return Rect(x: text.x + 1, y: text.y, width: text.width - 2, height: text.height - 2)
  }

  /// Draws the dialog centred in `area`.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    let frame = frame(in: area)
    guard !frame.isEmpty else { return }
    buffer.fill(frame)
    Panel(title: title, isFocused: true, glyphs: glyphs).render(in: frame, buffer: &buffer)
    let bodyArea = bodyArea(in: area)
    for (index, line) in body.prefix(bodyArea.height).enumerated() {
      buffer.write(line, x: bodyArea.x, y: bodyArea.y + index, within: bodyArea)
    }
    let footerArea = Rect(x: bodyArea.x, y: frame.maxY - 2, width: bodyArea.width, height: 1)
    if frame.height >= 3 {
      buffer.write(footer, x: footerArea.x, y: footerArea.y, style: Style(dim: true), within: footerArea)
    }
  }
}
