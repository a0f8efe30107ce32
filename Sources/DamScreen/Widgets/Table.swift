/// Rows of text cells under a header, in fixed-width columns.
///
/// Columns are separated by one space. Cells longer than their column are cut. Rows that do not fit the height are dropped.
public struct Table: Widget, Hashable {
  /// A column: its title, width and alignment.
  public struct Column: Sendable, Hashable {
    /// The header text.
    public var title: String
    /// The width in cells.
    public var width: Int
    /// Whether text is right-aligned (numbers) rather than left-aligned.
    public var alignRight: Bool

    /// Creates a column.
    public init(_ title: String, width: Int, alignRight: Bool = false) {
      self.title = title
      self.width = width
      self.alignRight = alignRight
    }
  }

  /// One cell: text and its style.
  public struct Entry: Sendable, Hashable {
    /// The text.
    public var text: String
    /// How it is drawn.
    public var style: Style

    /// Creates a cell.
    public init(_ text: String, style: Style = .plain) {
      self.text = text
      self.style = style
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// The rows, each with one entry per column.
  public var rows: [[Entry]]
  /// The style of the header row.
  public var headerStyle: Style

  /// Creates a table.
  public init(columns: [Column], rows: [[Entry]], headerStyle: Style = Style(bold: true, underline: true)) {
    self.columns = columns
    self.rows = rows
    self.headerStyle = headerStyle
  }

  /// Draws the header and as many rows as fit.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    renderRow(columns.map { Entry($0.title, style: headerStyle) }, y: area.y, area: area, buffer: &buffer)
    for (index, row) in rows.prefix(area.height - 1).enumerated() {
      renderRow(row, y: area.y + 1 + index, area: area, buffer: &buffer)
    }
  }

  private func renderRow(_ entries: [Entry], y: Int, area: Rect, buffer: inout ScreenBuffer) {
    var x = area.x
    for (index, column) in columns.enumerated() where x < area.maxX {
      let width = column.width
      let entry = index < entries.count ? entries[index] : Entry("")
      let text = String(entry.text.prefix(width))
      let padding = column.alignRight ? width - text.count : 0
      buffer.write(
        text, x: x + padding, y: y, style: entry.style,
        within: Rect(x: x, y: y, width: width, height: 1).intersection(area))
      x += width + 1
    }
  }
}
