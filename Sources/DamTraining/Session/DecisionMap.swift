/// What the network predicts over the plane of a 2-D input, for the data panel: a grid of predictions over
/// the training data's bounding box and a sample of the training points, in the normalized coordinates the
/// network sees.
///
/// Cells are stored row-major from the top row (the largest y) and the left column (the smallest x); cell
/// (row, column) is predicted at its centre.
public struct DecisionMap: Sendable, Equatable {
  /// A training point.
  public struct Point: Sendable, Equatable {
    /// Horizontal coordinate (the first feature).
    public var x: Double
    /// Vertical coordinate (the second feature).
    public var y: Double
    /// The true class; nil for regression.
    public var classIndex: Int?
    /// The target: the class index for classification, the first target for regression.
    public var target: Double
  }

  /// The session step of the weights the map shows.
  public let step: Int
  /// Cells across.
  public let columns: Int
  /// Cells down.
  public let rows: Int
  /// The x range covered: the training points' range widened by 5% on each side.
  public let xRange: ClosedRange<Double>
  /// The y range covered: the training points' range widened by 5% on each side.
  public let yRange: ClosedRange<Double>
  /// The number of classes (binary counts 2); nil for regression.
  public let classCount: Int?
  /// Per cell, `valuesPerCell` numbers: the class probabilities (binary: [1 - p, p]) or, for regression,
  /// the first output.
  public let values: [Float]
  /// At most a few hundred training points, spread evenly over the training split.
  public let points: [Point]

  /// Creates a map; `values.count` must be `columns * rows * valuesPerCell`.
  public init(
    step: Int, columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, classCount: Int?,
    values: [Float], points: [Point]
  ) {
    precondition(values.count == columns * rows * (classCount ?? 1), "one set of values per cell")
    self.step = step
    self.columns = columns
    self.rows = rows
    self.xRange = xRange
    self.yRange = yRange
    self.classCount = classCount
    self.values = values
    self.points = points
  }

  /// Numbers per cell: `classCount`, or 1 for regression.
  public var valuesPerCell: Int { classCount ?? 1 }

  /// The centre of a cell in data coordinates.
  public func centre(row: Int, column: Int) -> (x: Double, y: Double) {
    Self.centre(row: row, column: column, columns: columns, rows: rows, x: xRange, y: yRange)
  }

  /// The centre of cell (row, column) of a `columns` x `rows` grid over `x` x `y`, row 0 at the top.
  static func centre(
    row: Int, column: Int, columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>
  ) -> (x: Double, y: Double) {
    (
      x.lowerBound + (Double(column) + 0.5) * (x.upperBound - x.lowerBound) / Double(columns),
      y.upperBound - (Double(row) + 0.5) * (y.upperBound - y.lowerBound) / Double(rows)
    )
  }

  /// The cell's class probabilities (classification) or its single predicted value (regression).
  public func values(row: Int, column: Int) -> ArraySlice<Float> {
    let start = (row * columns + column) * valuesPerCell
    return values[start..<start + valuesPerCell]
  }

  /// The most probable class of a cell and its probability (the lowest index on ties); nil for regression.
  public func prediction(row: Int, column: Int) -> (classIndex: Int, confidence: Double)? {
    guard classCount != nil else { return nil }
    let cell = values(row: row, column: column)
    var best = cell.startIndex
    for index in cell.indices where cell[index] > cell[best] { best = index }
    return (best - cell.startIndex, Double(cell[best]))
  }
}
