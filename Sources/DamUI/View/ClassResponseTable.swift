import DamScreen
import DamTraining

/// Each output unit's mean response to each class, a row per class and a column per output unit
/// (`p(1)` for a binary head): which output fires for which class. The largest mean of each row is
/// bold; columns that do not fit are cut at the right.
struct ClassResponseTable: Widget {
  /// The means shown.
  let responses: NeuronActivations.ClassResponses

  /// Columns per output unit.
  static let columnWidth = 5

  /// The columns the table of `responses` needs: the class labels and a column per output.
  static func width(of responses: NeuronActivations.ClassResponses?) -> Int {
    guard let responses else { return 0 }
    return max("mean output by class".count, labelWidth(responses.labels) + columnWidth * responses.outputs)
  }

  /// The label column's width, the gap included.
  private static func labelWidth(_ labels: [String]) -> Int { min(8, max(5, (labels.map(\.count).max() ?? 0) + 1)) }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    guard area.height >= 3 else { return }
    buffer.write("mean output by class", x: area.x, y: area.y, style: Style(dim: true), within: area)
    let labelWidth = Self.labelWidth(responses.labels)
    let names = responses.outputs == 1 ? ["p(1)"] : (0..<responses.outputs).map { "o\($0)" }
    var header = "class".padded(to: labelWidth)
    for name in names { header += name.padded(to: Self.columnWidth, left: true) }
    buffer.write(header, x: area.x, y: area.y + 1, style: Style(bold: true), within: area)
    for (row, label) in responses.labels.enumerated() {
      let y = area.y + 2 + row
      guard y < area.maxY else { break }
      var x = buffer.write(String(label.prefix(labelWidth - 1)).padded(to: labelWidth), x: area.x, y: y, within: area)
      let means = (0..<responses.outputs).map { responses.mean(classIndex: row, output: $0) }
      let best = means.indices.max { means[$0] < means[$1] }
      for (output, mean) in means.enumerated() {
        let text = mean.isFinite ? String(Int((mean * 100).rounded())) + "%" : "-"
        x = buffer.write(
          text.padded(to: Self.columnWidth, left: true), x: x, y: y, style: Style(bold: output == best), within: area)
      }
    }
  }
}

extension String {
  /// The string padded with spaces to `width` characters, on the left when `left` (unchanged when longer).
  fileprivate func padded(to width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - count))
    return left ? padding + self : self + padding
  }
}
