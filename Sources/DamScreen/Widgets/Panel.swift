/// A box with a title in its top border; the content goes in ``inner(_:)``.
///
/// A focused panel draws its border bold and its title in reverse video, and brackets the title
/// (`[ Loss ]` rather than ` Loss `), so focus shows without colour or attributes.
public struct Panel: Widget, Hashable {
  /// The title in the top border.
  public var title: String
  /// Whether the panel has keyboard focus.
  public var isFocused: Bool
  /// The glyphs to draw with.
  public var glyphs: GlyphSet

  /// Creates a panel.
  public init(title: String, isFocused: Bool = false, glyphs: GlyphSet) {
    self.title = title
    self.isFocused = isFocused
    self.glyphs = glyphs
  }

  /// The area inside the border.
  public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

  /// Draws the border and title (content is left alone).
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard area.width >= 2, area.height >= 2 else { return }
    let box = glyphs.box
    let style = Style(bold: isFocused)
    for x in (area.x + 1)..<(area.maxX - 1) {
      buffer[x, area.y] = Cell(box.horizontal, style: style)
      buffer[x, area.maxY - 1] = Cell(box.horizontal, style: style)
    }
    for y in (area.y + 1)..<(area.maxY - 1) {
      buffer[area.x, y] = Cell(box.vertical, style: style)
      buffer[area.maxX - 1, y] = Cell(box.vertical, style: style)
    }
    buffer[area.x, area.y] = Cell(box.topLeft, style: style)
    buffer[area.maxX - 1, area.y] = Cell(box.topRight, style: style)
    buffer[area.x, area.maxY - 1] = Cell(box.bottomLeft, style: style)
    buffer[area.maxX - 1, area.maxY - 1] = Cell(box.bottomRight, style: style)
    guard !title.isEmpty, area.width > 4 else { return }
    let text = isFocused ? "[ \(title) ]" : " \(title) "
    let titleArea = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
    buffer.write(text, x: area.x + 1, y: area.y, style: Style(bold: true, reverse: isFocused), within: titleArea)
  }
}
