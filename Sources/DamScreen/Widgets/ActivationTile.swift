/// One unit's output over the input plane, drawn with the decision map's shading (`ScatterMap`): the
/// sign picks the region (positive as class 0, blue `.`; negative as class 1, red `:`) and |v| / `scale`
/// the certainty shade, so a strongly positive area is solid blue, a strongly negative one solid red and
/// values near 0 are faint or blank. With UTF-8 and colour each cell shows 2x2 samples
/// (``ScatterMap/Resolution/quadrants``), otherwise one (fill characters, ASCII and NO_COLOR alike).
public struct ActivationTile: Widget, Hashable {
  /// The samples, `rows` x `columns`, row-major from the top row.
  public var values: [Float]
  /// Samples across.
  public var columns: Int
  /// Samples down.
  public var rows: Int
  /// The magnitude drawn fully sure.
  public var scale: Float
  /// How many samples a cell shows.
  public var resolution: ScatterMap.Resolution

  /// A tile of `values` [rows x columns], row-major from the top.
  public init(values: [Float], columns: Int, rows: Int, scale: Float, resolution: ScatterMap.Resolution) {
    precondition(values.count == columns * rows, "a \(rows) x \(columns) tile needs \(columns * rows) values")
    self.values = values
    self.columns = columns
    self.rows = rows
    self.scale = scale
    self.resolution = resolution
  }

  /// Draws the tile over the whole of `area`, each cell at its nearest samples.
  ///
  /// Only the samples the cells show are converted (as many as `resolution` draws, each the nearest),
  /// so a small tile of a fine grid costs no more than its cells.
  /// - Complexity: O(cells of `area`).
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let perCell = resolution == .quadrants ? 2 : 1
    let fieldRows = max(1, min(rows, perCell * area.height))
    let fieldColumns = max(1, min(columns, perCell * area.width))
    let field = (0..<fieldRows).map { fieldRow in
      let row = fieldRow * rows / fieldRows
      return (0..<fieldColumns).map { fieldColumn in
        Self.prediction(values[row * columns + fieldColumn * columns / fieldColumns], scale: scale)
      }
    }
    ScatterMap(field: field, points: [], classCount: 2, xRange: 0...1, yRange: 0...1, resolution: resolution)
      .render(in: area, buffer: &buffer)
  }

  /// A value as a two-class prediction: class 0 when positive, 1 when negative, confidence 0.5 at 0
  /// rising to 1 at |v| = `scale`; a non-finite value is even (blank).
  static func prediction(_ value: Float, scale: Float) -> ScatterMap.Prediction {
    guard value.isFinite, scale > 0 else { return ScatterMap.Prediction(classIndex: 0, confidence: 0.5) }
    let margin = min(1, Double(abs(value) / scale))
    return ScatterMap.Prediction(classIndex: value >= 0 ? 0 : 1, confidence: 0.5 + 0.5 * margin)
  }
}
