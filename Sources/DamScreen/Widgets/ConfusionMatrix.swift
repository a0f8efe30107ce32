/// Counts of (actual class, predicted class) with per-class recall.
///
/// Rows are actual classes, columns predicted ones. The diagonal (correct) is bold green; non-zero
/// off-diagonal counts are red; each row ends with the class's recall. The widest layout that fits is
/// used: with the corner `act\pred`, then tight number columns (with recall, then without), and when the
/// numbers do not fit (e.g. ten digit classes in a narrow panel), one shade glyph per cell for the
/// cell's share of its row, a dim dot for none.
public struct ConfusionMatrix: Widget, Hashable {
  /// counts[actual][predicted].
  public var counts: [[Int]]
  /// Class names; defaults to 0, 1, 2, ...
  public var labels: [String]
  /// The glyphs of the shaded layout.
  public var glyphs: GlyphSet

  /// Creates a matrix.
  public init(counts: [[Int]], labels: [String]? = nil, glyphs: GlyphSet = .ascii) {
    self.counts = counts
    self.labels = labels ?? counts.indices.map { String($0) }
    self.glyphs = glyphs
  }

  /// Column widths of one way of drawing the matrix.
  struct Layout: Equatable {
    /// The row-label column, including the corner when shown.
    var labelWidth: Int
    /// Each class column.
    var cellWidth: Int
    /// The recall column, 0 when left out.
    var recallWidth: Int
    /// Whether the corner reads `act\pred`.
    var showsCorner: Bool
    /// Whether cells are shade glyphs rather than numbers.
    var isShaded: Bool

    /// The total width.
    func width(classes: Int) -> Int { labelWidth + classes * cellWidth + recallWidth }
  }

  /// The widest layout that fits `width` columns (the narrowest when none does).
  func layout(fitting width: Int) -> Layout {
    let labelWidth = labels.map(\.count).max() ?? 0
    let numberWidth = (counts.joined().map { String($0).count } + labels.map(\.count)).max() ?? 0
    let candidates = [
      Layout(
        labelWidth: max(Self.corner.count, labelWidth), cellWidth: max(3, numberWidth) + 1, recallWidth: 7,
        showsCorner: true, isShaded: false),
      Layout(labelWidth: labelWidth, cellWidth: numberWidth + 1, recallWidth: 7, showsCorner: false, isShaded: false),
      Layout(labelWidth: labelWidth, cellWidth: numberWidth + 1, recallWidth: 0, showsCorner: false, isShaded: false),
      Layout(labelWidth: labelWidth, cellWidth: 2, recallWidth: 7, showsCorner: false, isShaded: true),
      Layout(labelWidth: labelWidth, cellWidth: 1, recallWidth: 7, showsCorner: false, isShaded: true),
    ]
    let fallback = Layout(labelWidth: labelWidth, cellWidth: 1, recallWidth: 0, showsCorner: false, isShaded: true)
    return candidates.first { $0.width(classes: labels.count) <= width } ?? fallback
  }

  private static let corner = "act\\pred"

  /// Draws the matrix.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let layout = layout(fitting: area.width)
    if layout.showsCorner { buffer.write(Self.corner, x: area.x, y: area.y, style: Style(dim: true), within: area) }
    var x = area.x + layout.labelWidth
    for label in labels {
      x = buffer.write(
        padded(String(label.prefix(layout.cellWidth)), layout.cellWidth), x: x, y: area.y, style: Style(bold: true),
        within: area)
    }
    if layout.recallWidth > 0 {
      buffer.write(padded("recall", layout.recallWidth), x: x, y: area.y, style: Style(bold: true), within: area)
    }
    for (actual, row) in counts.prefix(area.height - 1).enumerated() {
      let y = area.y + 1 + actual
      buffer.write(actual < labels.count ? labels[actual] : "", x: area.x, y: y, style: Style(bold: true), within: area)
      x = area.x + layout.labelWidth
      let total = row.reduce(0, +)
      for (predicted, count) in row.enumerated() {
        let style =
          predicted == actual
          ? Style(foreground: .green, bold: true) : (count > 0 ? Style(foreground: .red) : Style(dim: true))
        let text = layout.isShaded ? String(shade(count: count, of: total)) : String(count)
        x = buffer.write(padded(text, layout.cellWidth), x: x, y: y, style: style, within: area)
      }
      guard layout.recallWidth > 0 else { continue }
      let recall = total > 0 && actual < row.count ? NumberFormat.percent(Double(row[actual]) / Double(total)) : "-"
      buffer.write(padded(recall, layout.recallWidth), x: x, y: y, within: area)
    }
  }

  /// The shade of `count` samples out of a row of `total`: a dot for none, otherwise at least the
  /// lightest shade other than the dot.
  func shade(count: Int, of total: Int) -> Character {
    let ramp = glyphs.shadeRamp.filter { $0 != glyphs.dot }
    guard count > 0, total > 0 else { return glyphs.dot }
    let level = Int((Double(count) / Double(total) * Double(ramp.count - 1)).rounded(.up))
    return ramp[min(ramp.count - 1, max(1, level))]
  }

  private func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
