import DamScreen
import DamTraining

/// The run browser dialog (`R`): the runs as `dam-tui runs` lists them (`RunListing`: the same columns),
/// the selected one marked `>` and drawn in reverse video, the list scrolling to keep it visible.
struct RunBrowser: Widget {
  /// The runs, or nil while they are read.
  let listing: RunBrowserListing?
  /// The index of the selected run.
  let selected: Int
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// The widest line of text the dialog may hold.
  let textWidth: Int
  /// The most body rows the dialog may hold.
  let rows: Int

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let title = AppDialog.runBrowser(selected: selected).title
    var footer = AppDialog.runBrowser(selected: selected).footer
    guard let listing, listing.problem == nil, !listing.entries.isEmpty else {
      let text =
        listing.map { $0.problem ?? "No runs yet: each session, `dam-tui train` and sweep trial keeps one there." }
        ?? "Reading the runs..."
      Dialog(title: title, body: TextWrap.lines(text, width: textWidth), footer: footer, glyphs: glyphs)
        .render(in: area, buffer: &buffer)
      return
    }
    let lines = RunListing.lines(listing.entries)
    let listRows = max(1, rows - 1)
    let first = max(0, min(selected - listRows + 1, listing.entries.count - listRows))
    let visible = listing.entries.indices.dropFirst(first).prefix(listRows)
    let body =
      [String("  \(lines[0])".prefix(textWidth))]
      + visible.map { index in String("\(index == selected ? ">" : " ") \(lines[index + 1])".prefix(textWidth)) }
    if visible.count < listing.entries.count { footer += "  (\(selected + 1) of \(listing.entries.count))" }
    let dialog = Dialog(title: title, body: body, footer: footer, glyphs: glyphs)
    dialog.render(in: area, buffer: &buffer)
    let bodyArea = dialog.bodyArea(in: area.intersection(buffer.area))
    buffer.setStyle(Style(bold: true), in: Rect(x: bodyArea.x, y: bodyArea.y, width: bodyArea.width, height: 1))
    if let row = visible.firstIndex(of: selected).map({ $0 - first + 1 }), row < bodyArea.height {
      buffer.setStyle(
        Style(bold: true, reverse: true), in: Rect(x: bodyArea.x, y: bodyArea.y + row, width: bodyArea.width, height: 1)
      )
    }
  }
}
