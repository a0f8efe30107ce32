import DamScreen

/// The preset picker dialog: every preset's name and title, the selected one marked `>` and drawn in
/// reverse video, and the selected preset's description below the list. The list scrolls to keep the
/// selection visible.
struct PresetPicker: Widget {
  /// The presets offered.
  let presets: [PresetListing]
  /// The index of the selected preset.
  let selected: Int
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// The widest line of text the dialog may hold.
  let textWidth: Int
  /// The most body rows the dialog may hold.
  let rows: Int

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let nameWidth = presets.map(\.name.count).max() ?? 0
    let description = presets.indices.contains(selected) ? presets[selected].description : ""
    let about = Array(TextWrap.lines(description, width: textWidth).prefix(max(0, rows / 3)))
    let listRows = max(1, rows - about.count - 1)
    let first = max(0, min(selected - listRows + 1, presets.count - listRows))
    let visible = presets.indices.dropFirst(first).prefix(listRows)
    let list = visible.map { index in
      let preset = presets[index]
      let padding = String(repeating: " ", count: nameWidth - preset.name.count)
      return String("\(index == selected ? ">" : " ") \(preset.name)\(padding)  \(preset.title)".prefix(textWidth))
    }
    let body = presets.isEmpty ? ["No presets found."] : list + [""] + about
    var footer = "Up/Down: choose  Enter: load  Esc: close"
    if list.count < presets.count { footer += "  (\(selected + 1) of \(presets.count))" }
    let dialog = Dialog(title: "Presets", body: body, footer: footer, glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let bodyArea = dialog.bodyArea(in: area.intersection(buffer.area))
    if let row = visible.firstIndex(of: selected).map({ $0 - first }), row < bodyArea.height {
      buffer.setStyle(
        Style(bold: true, reverse: true), in: Rect(x: bodyArea.x, y: bodyArea.y + row, width: bodyArea.width, height: 1)
      )
    }
    if !about.isEmpty {
      let aboutTop = bodyArea.y + list.count + 1
      buffer.setStyle(
        Style(dim: true), in: Rect(x: bodyArea.x, y: aboutTop, width: bodyArea.width, height: about.count))
    }
  }
}
