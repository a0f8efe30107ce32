/// A 2-D decision-boundary map: the model's predicted class over the plane, with the training points.
///
/// The field is a grid of predictions sampled by the caller (row 0 at the top, i.e. the largest y).
/// Each cell takes the nearest field sample: its class's fill character (`.`, `:`, `-`, `~`, ...) in the
/// class colour, dimmed when the prediction is unsure and left blank near the boundary, so regions and
/// the boundary read without colour. Training points are drawn over the field with a per-class glyph
/// (`o`, `x`, `+`, `*`, ...), bold.
public struct ScatterMap: Widget, Hashable {
  /// One field sample: the predicted class and the probability given to it.
  public struct Prediction: Sendable, Hashable {
    /// The predicted class.
    public var classIndex: Int
    /// The predicted probability of that class, in 1/classCount...1.
    public var confidence: Double

    /// Creates a prediction.
    public init(classIndex: Int, confidence: Double) {
      self.classIndex = classIndex
      self.confidence = confidence
    }
  }

  /// A training point.
  public struct Point: Sendable, Hashable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate (up is larger).
    public var y: Double
    /// The true class.
    public var classIndex: Int

    /// Creates a point.
    public init(x: Double, y: Double, classIndex: Int) {
      self.x = x
      self.y = y
      self.classIndex = classIndex
    }
  }

  /// Fill characters of the classes' regions.
  public static let regionGlyphs: [Character] = [".", ":", "-", "~", "=", "'", "`", ","]
  /// Glyphs of the classes' training points.
  public static let pointGlyphs: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&"]
  /// Colours of the classes.
  public static let classColors: [TerminalColor] = [.blue, .red, .green, .yellow, .magenta, .cyan, .white, .blue]

  /// Field samples, rows top to bottom; every row the same length.
  public var field: [[Prediction]]
  /// The training points.
  public var points: [Point]
  /// The number of classes (at least 2).
  public var classCount: Int
  /// The x range the map covers.
  public var xRange: ClosedRange<Double>
  /// The y range the map covers.
  public var yRange: ClosedRange<Double>

  /// Creates a map.
  public init(
    field: [[Prediction]], points: [Point], classCount: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
  ) {
    self.field = field
    self.points = points
    self.classCount = max(2, classCount)
    self.xRange = xRange
    self.yRange = yRange
  }

  /// Draws the field, then the points.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    if let fieldColumns = field.first?.count, fieldColumns > 0 {
      for row in 0..<area.height {
        let sourceRow = field[min(field.count - 1, row * field.count / area.height)]
        for column in 0..<area.width {
          let prediction = sourceRow[min(fieldColumns - 1, column * fieldColumns / area.width)]
          buffer[area.x + column, area.y + row] = regionCell(prediction)
        }
      }
    }
    for point in points {
      guard let cell = cellPosition(of: point, in: area) else { continue }
      let slot = point.classIndex % Self.pointGlyphs.count
      buffer[cell.x, cell.y] = Cell(
        Self.pointGlyphs[slot], style: Style(foreground: Self.classColors[slot], bold: true))
    }
  }

  /// The cell showing a field sample.
  func regionCell(_ prediction: Prediction) -> Cell {
    let chance = 1 / Double(classCount)
    let margin = (prediction.confidence - chance) / (1 - chance)
    let slot = ((prediction.classIndex % Self.regionGlyphs.count) + Self.regionGlyphs.count) % Self.regionGlyphs.count
    guard margin.isFinite, margin >= 0.1 else { return .blank }
    return Cell(Self.regionGlyphs[slot], style: Style(foreground: Self.classColors[slot], dim: margin < 0.5))
  }

  /// The cell a point falls in, or nil outside the map.
  private func cellPosition(of point: Point, in area: Rect) -> (x: Int, y: Int)? {
    let xSpan = xRange.upperBound - xRange.lowerBound
    let ySpan = yRange.upperBound - yRange.lowerBound
    guard xSpan > 0, ySpan > 0, xRange.contains(point.x), yRange.contains(point.y), point.classIndex >= 0 else {
      return nil
    }
    let column = min(area.width - 1, Int((point.x - xRange.lowerBound) / xSpan * Double(area.width)))
    let row = min(area.height - 1, Int((yRange.upperBound - point.y) / ySpan * Double(area.height)))
    return (area.x + column, area.y + row)
  }
}
