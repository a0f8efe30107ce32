/// A 2-D decision-boundary map: the model's predicted class over the plane, with the data points.
///
/// The field is a grid of predictions sampled by the caller (row 0 at the top, i.e. the largest y), read
/// by nearest sample at one of two resolutions:
/// - ``Resolution/quadrants`` (a UTF-8 terminal with colours): each cell shows 2x2 samples. A cell
///   inside one class is a shade of the class colour: `█` sure, `▒` unsure, `░` near even; a cell the
///   boundary crosses is a quadrant block in one class's colour over the other's background, so the
///   boundary is drawn at twice the cell resolution each way.
/// - ``Resolution/cells`` (ASCII or no colour): one sample per cell, the class's fill character (`.`,
///   `:`, `-`, `~`, ...), dimmed when the prediction is unsure and left blank near the boundary, so
///   regions and the boundary read without colour.
///
/// Points are drawn over the field with a per-class glyph (`o`, `x`, `+`, `*`, ...), bold; a point the
/// caller marks misclassified is drawn in reverse video, which shows with or without colour.
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

  /// A data point.
  public struct Point: Sendable, Hashable {
    /// Horizontal coordinate.
    public var x: Double
    /// Vertical coordinate (up is larger).
    public var y: Double
    /// The true class.
    public var classIndex: Int
    /// Whether the model predicts another class for it (drawn in reverse video).
    public var isMisclassified: Bool

    /// Creates a point.
    public init(x: Double, y: Double, classIndex: Int, isMisclassified: Bool = false) {
      self.x = x
      self.y = y
      self.classIndex = classIndex
      self.isMisclassified = isMisclassified
    }
  }

  /// How many field samples a cell shows.
  public enum Resolution: Sendable, Hashable {
    /// 2x2 samples per cell in class colours (needs UTF-8 and colour).
    case quadrants
    /// One sample per cell as a class fill character (any terminal).
    case cells
  }

  /// How sure a sample is, from its margin over chance: `(confidence - 1/classes) / (1 - 1/classes)`.
  public enum Certainty: Int, Sendable, Hashable, Comparable {
    /// Margin below 0.1: about even, on the boundary.
    case even
    /// Margin 0.1 to 0.5.
    case unsure
    /// Margin 0.5 and above.
    case sure

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// Fill characters of the classes' regions at ``Resolution/cells``.
  public static let regionGlyphs: [Character] = [".", ":", "-", "~", "=", "'", "`", ","]
  /// Glyphs of the classes' points.
  public static let pointGlyphs: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&"]
  /// Colours of the classes.
  public static let classColors: [TerminalColor] = [.blue, .red, .green, .yellow, .magenta, .cyan, .white, .blue]
  /// The shade of a one-class cell at ``Resolution/quadrants`` for each certainty, `even` first.
  public static let certaintyShades: [Character] = ["░", "▒", "█"]

  /// Field samples, rows top to bottom; every row the same length.
  public var field: [[Prediction]]
  /// The points.
  public var points: [Point]
  /// The number of classes (at least 2).
  public var classCount: Int
  /// The x range the map covers.
  public var xRange: ClosedRange<Double>
  /// The y range the map covers.
  public var yRange: ClosedRange<Double>
  /// How many samples a cell shows.
  public var resolution: Resolution

  /// Creates a map.
  public init(
    field: [[Prediction]], points: [Point], classCount: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
    resolution: Resolution = .cells
  ) {
    self.field = field
    self.points = points
    self.classCount = max(2, classCount)
    self.xRange = xRange
    self.yRange = yRange
    self.resolution = resolution
  }

  /// The class slot (glyph and colour index) of class `index`.
  public static func slot(_ index: Int) -> Int {
    ((index % pointGlyphs.count) + pointGlyphs.count) % pointGlyphs.count
  }

  /// How sure `prediction` is among `classCount` classes.
  public static func certainty(of prediction: Prediction, classCount: Int) -> Certainty {
    let chance = 1 / Double(max(2, classCount))
    let margin = (prediction.confidence - chance) / (1 - chance)
    guard margin.isFinite, margin >= 0.1 else { return .even }
    return margin < 0.5 ? .unsure : .sure
  }

  /// Draws the field, then the points.
  ///
  /// - Complexity: O(cells of `area` + points).
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    if let fieldColumns = field.first?.count, fieldColumns > 0 {
      for row in 0..<area.height {
        for column in 0..<area.width {
          buffer[area.x + column, area.y + row] =
            switch resolution {
            case .cells:
              regionCell(sample(column: column, of: area.width, row: row, of: area.height))
            case .quadrants:
              quadrantCell(column: column, row: row, in: area)
            }
        }
      }
    }
    for point in points {
      guard let cell = cellPosition(of: point, in: area) else { continue }
      let slot = Self.slot(point.classIndex)
      var style = Style(foreground: Self.classColors[slot], bold: true, reverse: point.isMisclassified)
      if resolution == .quadrants, let background = buffer[cell.x, cell.y].style.background {
        style.background = background
        style.foreground = Self.contrast(on: background)
      } else if resolution == .quadrants, let region = buffer[cell.x, cell.y].style.foreground {
        style.background = region
        style.foreground = Self.contrast(on: region)
      }
      buffer[cell.x, cell.y] = Cell(Self.pointGlyphs[slot], style: style)
    }
  }

  /// The field sample nearest sub-cell `column` of `columns` across and `row` of `rows` down.
  private func sample(column: Int, of columns: Int, row: Int, of rows: Int) -> Prediction {
    let sourceRow = field[min(field.count - 1, row * field.count / rows)]
    return sourceRow[min(sourceRow.count - 1, column * sourceRow.count / columns)]
  }

  /// The cell showing a field sample at ``Resolution/cells``.
  func regionCell(_ prediction: Prediction) -> Cell {
    let certainty = Self.certainty(of: prediction, classCount: classCount)
    guard certainty > .even else { return .blank }
    let slot = Self.slot(prediction.classIndex) % Self.regionGlyphs.count
    return Cell(
      Self.regionGlyphs[slot], style: Style(foreground: Self.classColors[slot], dim: certainty == .unsure))
  }

  /// The cell at (`column`, `row`) of `area` at ``Resolution/quadrants``: a shade of one class, or the
  /// quadrants of the second most frequent class in its colour over the most frequent class's.
  private func quadrantCell(column: Int, row: Int, in area: Rect) -> Cell {
    // Quadrant bits as in a block `GlyphSet`'s dot mask: top-left 1, top-right 2, bottom-left 4, bottom-right 8.
    var slots = [Int](repeating: 0, count: 4)
    var least = Certainty.sure
    for quadrant in 0..<4 {
      let prediction = sample(
        column: 2 * column + quadrant % 2, of: 2 * area.width, row: 2 * row + quadrant / 2, of: 2 * area.height)
      slots[quadrant] = Self.slot(prediction.classIndex)
      least = min(least, Self.certainty(of: prediction, classCount: classCount))
    }
    let counts = slots.map { slot in slots.count(where: { $0 == slot }) }
    let major = slots[counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!]
    guard let minor = slots.first(where: { $0 != major }) else {
      return Cell(Self.certaintyShades[least.rawValue], style: Style(foreground: Self.classColors[major]))
    }
    var mask: UInt8 = 0
    for quadrant in 0..<4 where slots[quadrant] != major { mask |= 1 << quadrant }
    return Cell(
      GlyphSet.block.glyph(forDots: mask),
      style: Style(foreground: Self.classColors[minor], background: Self.classColors[major]))
  }

  /// A text colour that reads on `background`.
  static func contrast(on background: TerminalColor) -> TerminalColor {
    switch background {
    case .black, .blue, .red, .magenta: .white
    case .green, .yellow, .cyan, .white: .black
    }
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
