/// A one-line text field for typing an exact value: `label: [text     ]`, an error on the next row.
///
/// The cursor cell is drawn in reverse video (and the field is bracketed, so it shows without
/// attributes); text longer than the field scrolls to keep the cursor visible. Editing is the
/// caller's: this widget draws the text and cursor it is given.
public struct TextInput: Widget, Hashable {
  /// The prompt before the field, e.g. "learning rate".
  public var label: String
  /// The text typed so far.
  public var text: String
  /// The cursor's position, 0...text.count.
  public var cursor: Int
  /// An error to show under the field (e.g. "must be in 1e-6...10"), or nil.
  public var error: String?

  /// Creates a field; the cursor defaults to the end of the text.
  public init(label: String, text: String, cursor: Int? = nil, error: String? = nil) {
    self.label = label
    self.text = text
    self.cursor = min(max(0, cursor ?? text.count), text.count)
    self.error = error
  }

  /// Draws the field on the first row of `area` and the error on the second.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    var x = buffer.write("\(label): [", x: area.x, y: area.y, within: area)
    let fieldWidth = max(0, area.maxX - x - 1)
    let characters = Array(text)
    let first = max(0, cursor - fieldWidth + 1)
    for column in 0..<fieldWidth {
      let index = first + column
      let glyph = index < characters.count ? characters[index] : " "
      buffer[x + column, area.y] = Cell(glyph, style: Style(reverse: index == cursor, underline: true))
    }
    x += fieldWidth
    buffer.write("]", x: x, y: area.y, within: area)
    if let error, area.height >= 2 {
      buffer.write(error, x: area.x, y: area.y + 1, style: Style(foreground: .red, bold: true), within: area)
    }
  }
}
