import DamScreen
import DamTraining

/// The weight view (`w`, in place of the gradient panel): every dense layer's weight matrix side by side,
/// input side first, each under two caption lines: its shape and Frobenius norm, then its share of exact
/// zeros and of near zeros (|w| < `WeightMatrix.nearZeroTolerance`).
///
/// A matrix is drawn as W, one row per unit and one column per input, so units that stay copies of each
/// other (zero initialization) show as identical rows and an input L1 cut off as a blank column. A matrix
/// with more units than rows to draw them and fewer inputs than units is drawn transposed (marked `T`):
/// one column per unit, so a unit L1 switched off is a blank column. Shades are relative to each layer's
/// largest |w|; blue is positive, red negative, blank near zero.
struct WeightPanel: Widget {
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// Whether the panel has keyboard focus.
  let isFocused: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  /// The panel title.
  static let title = "Weights (w: gradients)"
  /// Columns every layer's block gets at least, for its captions.
  static let minimumBlockWidth = 16
  /// Columns between two blocks.
  static let gap = 2

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: Self.title, isFocused: isFocused, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard let layers = snapshot?.weights, !layers.isEmpty else {
      PlaceholderText(text: "waiting for the first snapshot").render(in: inner, buffer: &buffer)
      return
    }
    let legendRows = inner.height >= 6 ? 1 : 0
    let gridHeight = max(0, inner.height - 2 - legendRows)
    let blocks = layers.enumerated().map { Block(index: $0.offset, matrix: $0.element, gridHeight: gridHeight) }
    let widths = Self.shares(of: blocks.map(\.naturalWidth), within: inner.width - Self.gap * (blocks.count - 1))
    var x = inner.x
    for (block, width) in zip(blocks, widths) where width > 0 {
      let blockArea = Rect(x: x, y: inner.y, width: min(width, inner.maxX - x), height: inner.height - legendRows)
      block.render(in: blockArea, buffer: &buffer, glyphs: glyphs)
      x += width + Self.gap
    }
    if legendRows > 0 {
      let legend =
        "blue +, red -, blank |w|<\(NumberFormat.compact(Double(WeightMatrix.nearZeroTolerance)))"
        + (blocks.contains(where: \.isTransposed) ? ", T transposed" : "")
      buffer.write(legend, x: inner.x, y: inner.maxY - 1, style: Style(dim: true), within: inner)
    }
  }

  /// Widths for blocks that would like `natural` columns in `room`: each gets its natural width when
  /// they all fit, otherwise the narrow ones theirs and the rest an equal share of what is left.
  static func shares(of natural: [Int], within room: Int) -> [Int] {
    var widths = [Int](repeating: 0, count: natural.count)
    var left = max(0, room)
    var remaining = natural.count
    for index in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
      let share = left / max(remaining, 1)
      widths[index] = min(natural[index], share)
      left -= widths[index]
      remaining -= 1
    }
    return widths
  }

  /// One layer: its captions and its matrix, oriented to fit.
  private struct Block {
    let index: Int
    let matrix: WeightMatrix
    let isTransposed: Bool

    init(index: Int, matrix: WeightMatrix, gridHeight: Int) {
      self.index = index
      self.matrix = matrix
      isTransposed = matrix.rows > gridHeight && matrix.columns < matrix.rows
    }

    /// The columns the grid and the captions would like.
    var naturalWidth: Int {
      max(WeightPanel.minimumBlockWidth, isTransposed ? matrix.rows : matrix.columns, captions[0].count)
    }

    var captions: [String] {
      let shape = "L\(index + 1) \(matrix.rows)x\(matrix.columns)\(isTransposed ? " T" : "")"
      return [
        "\(shape) |W| \(NumberFormat.compact(matrix.norm))",
        "zero \(NumberFormat.percent(matrix.zeroFraction)) ~0 \(NumberFormat.percent(matrix.nearZeroFraction))",
      ]
    }

    func render(in area: Rect, buffer: inout ScreenBuffer, glyphs: GlyphSet) {
      for (offset, caption) in captions.enumerated() {
        buffer.write(caption, x: area.x, y: area.y + offset, style: Style(bold: offset == 0), within: area)
      }
      let grid = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2))
      let values = isTransposed ? Self.transposed(matrix) : matrix.values
      SignedMatrixMap(
        rows: isTransposed ? matrix.columns : matrix.rows, columns: isTransposed ? matrix.rows : matrix.columns,
        values: values, scale: matrix.maximumMagnitude, blankBelow: WeightMatrix.nearZeroTolerance, glyphs: glyphs
      ).render(in: grid, buffer: &buffer)
    }

    private static func transposed(_ matrix: WeightMatrix) -> [Float] {
      var values = [Float](repeating: 0, count: matrix.values.count)
      for row in 0..<matrix.rows {
        for column in 0..<matrix.columns { values[column * matrix.rows + row] = matrix[row, column] }
      }
      return values
    }
  }
}
