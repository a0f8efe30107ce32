import DamScreen

/// A dialog for typing one value: introductory lines, the `TextInput` field, and the last error
/// (wrapped, in red) under it.
struct TextEntryDialog: Widget {
  /// The dialog's title.
  let title: String
  /// The key hint.
  let footer: String
  /// Lines above the field, e.g. the allowed values.
  let intro: [String]
  /// The field's label.
  let label: String
  /// The text typed and the cursor.
  let field: TextField
  /// Why the last value was refused, if it was.
  let error: String?
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// The widest line of text the dialog may hold.
  let textWidth: Int

  /// The narrowest field, in columns (label included).
  static let minimumFieldWidth = 40

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let errorLines = error.map { TextWrap.lines($0, width: textWidth) } ?? []
    let fieldWidth = min(textWidth, max(Self.minimumFieldWidth, label.count + field.text.count + 5))
    let body = intro + [String(repeating: " ", count: fieldWidth)] + errorLines
    let dialog = Dialog(title: title, body: body, footer: footer, glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let bodyArea = dialog.bodyArea(in: area.intersection(buffer.area))
    let fieldRow = bodyArea.y + intro.count
    guard fieldRow < bodyArea.maxY else { return }
    TextInput(label: label, text: field.text, cursor: field.cursor)
      .render(in: Rect(x: bodyArea.x, y: fieldRow, width: bodyArea.width, height: 1), buffer: &buffer)
    let errorArea = Rect(x: bodyArea.x, y: fieldRow + 1, width: bodyArea.width, height: bodyArea.maxY - fieldRow - 1)
    buffer.setStyle(Style(foreground: .red, bold: true), in: errorArea)
  }
}
