/// The hyperparameter panel: one row per parameter, name on the left, value on the right.
///
/// The selected row starts with `>` and, while the list has focus, is drawn in reverse video (bold
/// without focus). A parameter whose new value applies only on re-initialization ends with `*`.
/// While a fork runs, rows carry the fork's value too: the main and fork values stand in two columns, the
/// edited one bold, each with its own pending mark. When the rows do not fit, the list scrolls to keep the
/// selection visible. A value too long for the room the name leaves is cut with an ellipsis, so the name
/// always shows first.
public struct ParameterList: Widget, Hashable {
  /// One parameter row.
  public struct Row: Sendable, Hashable {
    /// The parameter's name, e.g. "learning rate".
    public var name: String
    /// The value as text, e.g. "0.01".
    public var value: String
    /// Whether the value waits for re-initialization to apply.
    public var isPending: Bool
    /// The fork's value, shown in a second column while a fork runs.
    public var forkValue: String?
    /// Whether the fork's value waits for the fork's re-initialization.
    public var isForkPending: Bool

    /// Creates a row.
    public init(
      name: String, value: String, isPending: Bool = false, forkValue: String? = nil, isForkPending: Bool = false
    ) {
      self.name = name
      self.value = value
      self.isPending = isPending
      self.forkValue = forkValue
      self.isForkPending = isForkPending
    }
  }

  /// The rows, top to bottom.
  public var rows: [Row]
  /// The index of the selected row.
  public var selectedIndex: Int
  /// Whether the list has keyboard focus.
  public var isFocused: Bool
  /// The glyphs to draw with (the ellipsis of a cut value).
  public var glyphs: GlyphSet
  /// Whether the keys edit the fork's column (drawn bold) rather than the main one, while rows have one.
  public var editsFork: Bool

  /// Creates the list.
  public init(rows: [Row], selectedIndex: Int, isFocused: Bool = true, glyphs: GlyphSet, editsFork: Bool = false) {
    self.rows = rows
    self.selectedIndex = selectedIndex
    self.isFocused = isFocused
    self.glyphs = glyphs
    self.editsFork = editsFork
  }

  /// The index of the first visible row when `height` rows fit.
  public func firstVisibleRow(height: Int) -> Int {
    guard height > 0 else { return 0 }
    return max(0, min(selectedIndex - height + 1, rows.count - height))
  }

  /// Draws the visible rows.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let first = firstVisibleRow(height: area.height)
    for (offset, row) in rows.dropFirst(first).prefix(area.height).enumerated() {
      let index = first + offset
      let y = area.y + offset
      let isSelected = index == selectedIndex
      let style = isSelected ? Style(bold: !isFocused, reverse: isFocused) : .plain
      let line = Rect(x: area.x, y: y, width: area.width, height: 1)
      buffer.fill(line, with: Cell(" ", style: style))
      buffer.write(isSelected ? ">" : " ", x: area.x, y: y, style: style, within: area)
      if let forkValue = row.forkValue {
        renderColumns(row, forkValue: forkValue, y: y, style: style, in: area, buffer: &buffer)
        continue
      }
      let textRoom = area.width - 3  // after "> ", before the pending mark
      let valueRoom = max(1, textRoom - row.name.count - 1)
      let value = fitted(row.value, width: valueRoom) + (row.isPending ? "*" : " ")
      let valueX = max(area.x + 2, area.maxX - value.count)
      buffer.write(row.name, x: area.x + 2, y: y, style: style, maxWidth: max(0, valueX - area.x - 3))
      buffer.write(value, x: valueX, y: y, style: style, within: area)
    }
  }

  /// The columns left to the name before the two value columns share the rest; each column holds a
  /// compact number (`0.0315`) and its pending mark from 80 columns up.
  static let forkNameRoom = 12

  /// Draws a row's name, then the main and fork values in two right-aligned columns, the edited one bold.
  private func renderColumns(
    _ row: Row, forkValue: String, y: Int, style: Style, in area: Rect, buffer: inout ScreenBuffer
  ) {
    let columnWidth = max(4, min(9, (area.width - Self.forkNameRoom) / 2))
    let forkX = area.maxX - columnWidth
    let mainX = forkX - columnWidth
    buffer.write(row.name, x: area.x + 2, y: y, style: style, maxWidth: max(0, mainX - area.x - 3))
    for (value, pending, x, edited) in [
      (row.value, row.isPending, mainX, !editsFork), (forkValue, row.isForkPending, forkX, editsFork),
    ] {
      let text = fitted(value, width: columnWidth - 1) + (pending ? "*" : " ")
      var cellStyle = style
      cellStyle.bold = cellStyle.bold || edited
      buffer.write(text, x: x + columnWidth - text.count, y: y, style: cellStyle, within: area)
    }
  }

  /// `text`, or its start and an ellipsis when it is wider than `width` columns.
  private func fitted(_ text: String, width: Int) -> String {
    guard text.count > width else { return text }
    let ellipsis = glyphs.ellipsis
    guard width > ellipsis.count else { return String(text.prefix(width)) }
    return String(text.prefix(width - ellipsis.count)) + ellipsis
  }
}
