import DamScreen
import DamTraining

/// The open dialog, drawn centred over the main screen: key help, findings, preset picker, save
/// prompt, overwrite question, value entry or a message, over the whole screen (`AppLayout`'s dialog
/// rows and text width). Text is wrapped to the screen and long lists
/// scroll, with the visible lines counted in the footer.
struct DialogView: Widget {
  /// The dialog to draw.
  let dialog: AppDialog
  /// The UI state (the presets the picker lists).
  let state: AppState
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    let textWidth = state.layout.dialogTextWidth
    let bodyRows = state.layout.dialogRows
    switch dialog {
    case .help(let scroll):
      renderScrolling(
        DialogLines.help(width: state.layout.dialogBodyWidth), scroll: scroll, rows: bodyRows, in: area, buffer: &buffer
      )
    case .guide(let scroll):
      renderScrolling(
        ScreenGuide.lines(width: textWidth), scroll: scroll, rows: bodyRows, in: area, buffer: &buffer)
    case .findings(let scroll):
      let lines = DialogLines.findings(state, width: textWidth)
      renderScrolling(lines, scroll: scroll, rows: bodyRows, in: area, buffer: &buffer)
    case .presetPicker(let selected):
      PresetPicker(presets: state.presets, selected: selected, glyphs: glyphs, textWidth: textWidth, rows: bodyRows)
        .render(in: area, buffer: &buffer)
    case .savePrompt(let field, let error):
      TextEntryDialog(
        title: dialog.title, footer: dialog.footer, intro: ["Save the current settings as a new preset."],
        label: "name", field: field, error: error, glyphs: glyphs, textWidth: textWidth
      ).render(in: area, buffer: &buffer)
    case .confirmOverwrite(let name):
      let lines = TextWrap.lines(
        "A preset named \(name) exists. Overwrite it with the current settings?", width: textWidth)
      Dialog(title: dialog.title, body: lines, footer: dialog.footer, glyphs: glyphs).render(in: area, buffer: &buffer)
    case .valueEntry(let parameter, let field, let error):
      TextEntryDialog(
        title: dialog.title, footer: dialog.footer,
        intro: TextWrap.lines("Allowed: \(parameter.allowedValues).", width: textWidth), label: parameter.label,
        field: field, error: error, glyphs: glyphs, textWidth: textWidth
      ).render(in: area, buffer: &buffer)
    case .confirmReshape(let parameter, let value):
      let lines = state.reshapeQuestion(parameter, value: value, width: textWidth)
      Dialog(title: dialog.title, body: lines, footer: dialog.footer, glyphs: glyphs).render(in: area, buffer: &buffer)
    case .message(_, let lines):
      let wrapped = lines.flatMap { TextWrap.lines($0, width: textWidth) }
      renderScrolling(wrapped, scroll: 0, rows: bodyRows, in: area, buffer: &buffer)
    case .rangeTest:
      guard let test = state.rangeTest else { return }
      RangeTestDialog(test: test, isForked: state.fork != nil, glyphs: glyphs, textWidth: textWidth, rows: bodyRows)
        .render(in: area, buffer: &buffer)
    case .overfitCheck:
      guard let check = state.overfitCheck else { return }
      OverfitCheckDialog(
        check: check, isForked: state.fork != nil, glyphs: glyphs, textWidth: textWidth, rows: bodyRows
      )
      .render(in: area, buffer: &buffer)
    case .runBrowser(let selected):
      RunBrowser(listing: state.runs, selected: selected, glyphs: glyphs, textWidth: textWidth, rows: bodyRows)
        .render(in: area, buffer: &buffer)
    case .landscape:
      guard let landscape = state.landscape else { return }
      LandscapeDialog(
        landscape: landscape, isForked: state.fork != nil, glyphs: glyphs, textWidth: textWidth, rows: bodyRows
      )
      .render(in: area, buffer: &buffer)
    }
  }

  /// Draws `lines` from `scroll` on, at most `rows` of them, noting the shown range in the footer when
  /// not every line fits.
  private func renderScrolling(
    _ lines: [String], scroll: Int, rows: Int, in area: Rect, buffer: inout ScreenBuffer
  ) {
    let first = min(scroll, AppLayout.maxScroll(lineCount: lines.count, visibleRows: rows))
    let shown = Array(lines.dropFirst(first).prefix(rows))
    var footer = dialog.footer
    if shown.count < lines.count { footer += "  (\(first + 1)-\(first + shown.count) of \(lines.count))" }
    Dialog(title: dialog.title, body: shown, footer: footer, glyphs: glyphs).render(in: area, buffer: &buffer)
  }

}
