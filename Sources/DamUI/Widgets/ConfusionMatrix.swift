/// Counts of (actual class, predicted class) with per-class recall.
///
/// Rows are actual classes, columns predicted ones. The diagonal (correct) is bold green; non-zero
/// off-diagonal counts are red; each row ends with the class's recall. The corner reads `act\pred`.
public struct ConfusionMatrix: Widget, Hashable {
  /// counts[actual][predicted].
  public var counts: [[Int]]
  /// Class names; defaults to 0, 1, 2, ...
  public var labels: [String]

  /// Creates a matrix.
  public init(counts: [[Int]], labels: [String]? = nil) {
    self.counts = counts
    self.labels = labels ?? counts.indices.map { String($0) }
  }

  /// Draws the matrix.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let corner = "act\\pred"
    let labelWidth = max(corner.count, labels.map(\.count).max() ?? 0)
    let cellWidth = max(3, (counts.flatMap { $0 }.map { String($0).count } + labels.map(\.count)).max() ?? 0) + 1
    buffer.write(corner, x: area.x, y: area.y, style: Style(dim: true), within: area)
    var x = area.x + labelWidth
    for label in labels {
      x = buffer.write(padded(label, cellWidth), x: x, y: area.y, style: Style(bold: true), within: area)
    }
    buffer.write(padded("recall", 7), x: x, y: area.y, style: Style(bold: true), within: area)
    for (actual, row) in counts.prefix(area.height - 1).enumerated() {
      let y = area.y + 1 + actual
      buffer.write(actual < labels.count ? labels[actual] : "", x: area.x, y: y, style: Style(bold: true), within: area)
      x = area.x + labelWidth
      for (predicted, count) in row.enumerated() {
        let style =
          predicted == actual
          ? Style(foreground: .green, bold: true) : (count > 0 ? Style(foreground: .red) : Style(dim: true))
        x = buffer.write(padded(String(count), cellWidth), x: x, y: y, style: style, within: area)
      }
      let total = row.reduce(0, +)
      let recall = total > 0 && actual < row.count ? NumberFormat.percent(Double(row[actual]) / Double(total)) : "-"
      buffer.write(padded(recall, 7), x: x, y: y, within: area)
    }
  }

  private func padded(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
