import DamScreen

/// The hyperparameter panel: a bordered `ParameterList` of the catalog's rows with the selection (while
/// forked, both branches' values side by side, the edited one bold and named in the title), and, when
/// every row fits with room to spare, a note explaining the pending marker.
///
/// The list fills `AppLayout.parameterRows` whenever it could scroll, so mouse hit-testing through the
/// layout always agrees with what is drawn.
struct ParameterPanel: Widget {
  /// The UI state: settings, selection and focus.
  let state: AppState
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let isFocused = state.focus == .parameters
    let title = state.fork == nil ? "Hyperparameters" : "A | B, editing \(state.editedBranch.letter) (b)"
    let panel = Panel(title: title, isFocused: isFocused, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    let rows = state.parameterRows
    let list = ParameterList(
      rows: rows, selectedIndex: state.selectedIndex, isFocused: isFocused, glyphs: glyphs,
      editsFork: state.editedBranch == .fork)
    guard rows.contains(where: { $0.isPending || $0.isForkPending }), inner.height >= rows.count + 2 else {
      list.render(in: inner, buffer: &buffer)
      return
    }
    list.render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: rows.count), buffer: &buffer)
    buffer.write(
      "* applies when i re-inits", x: inner.x + 1, y: inner.maxY - 1, style: Style(foreground: .yellow),
      within: inner)
  }
}
