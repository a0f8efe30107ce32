import DamScreen
import DamTraining

extension ScatterMap {
  /// The number of value bands a regression map is split into, lowest first.
  static let regressionBandCount = 4

  /// The widget input for a session's decision map.
  ///
  /// Classification: each cell's most probable class and its probability, each point's true class.
  /// Regression: cells and points coloured by value band (`regressionBandCount` equal bands over the
  /// range of the predictions and targets, lowest first), each cell fully confident. A classification
  /// point is misclassified when the map's nearest cell predicts another class.
  ///
  /// With `samples`, the field holds only that many columns and rows of the map's cells, picked as the
  /// widget picks the nearest sample, so a plot that needs fewer samples than the map has draws the same
  /// and its frame costs no more than its cells.
  init(_ map: DecisionMap, resolution: Resolution = .cells, samples: (columns: Int, rows: Int)? = nil) {
    let bands = map.classCount == nil ? ValueBands(map) : nil
    let fieldRows = min(map.rows, max(1, samples?.rows ?? map.rows))
    let fieldColumns = min(map.columns, max(1, samples?.columns ?? map.columns))
    let field = (0..<fieldRows).map { fieldRow in
      let row = fieldRow * map.rows / fieldRows
      return (0..<fieldColumns).map { fieldColumn in
        let column = fieldColumn * map.columns / fieldColumns
        if let bands {
          return Prediction(
            classIndex: bands.band(of: Double(map.values(row: row, column: column).first ?? 0)), confidence: 1)
        }
        let prediction = map.prediction(row: row, column: column) ?? (0, 0)
        return Prediction(classIndex: prediction.classIndex, confidence: prediction.confidence)
      }
    }
    let points = map.points.map { point in
      let predicted = map.nearestCell(x: point.x, y: point.y).flatMap { map.prediction(row: $0.row, column: $0.column) }
      let classIndex = bands?.band(of: point.target) ?? point.classIndex ?? 0
      return Point(
        x: point.x, y: point.y, classIndex: classIndex,
        isMisclassified: predicted.map { $0.classIndex != classIndex } ?? false)
    }
    self.init(
      field: field, points: points, classCount: map.classCount ?? Self.regressionBandCount, xRange: map.xRange,
      yRange: map.yRange, resolution: resolution)
  }
}

extension DecisionMap {
  /// The cell whose area holds (x, y), or nil outside the map.
  func nearestCell(x: Double, y: Double) -> (row: Int, column: Int)? {
    let xSpan = xRange.upperBound - xRange.lowerBound
    let ySpan = yRange.upperBound - yRange.lowerBound
    guard xSpan > 0, ySpan > 0, xRange.contains(x), yRange.contains(y), rows > 0, columns > 0 else { return nil }
    let column = min(columns - 1, Int((x - xRange.lowerBound) / xSpan * Double(columns)))
    let row = min(rows - 1, Int((yRange.upperBound - y) / ySpan * Double(rows)))
    return (row, column)
  }
}

/// Equal-width bands over the values of a regression map: its predictions and its points' targets.
struct ValueBands {
  /// The smallest and largest value.
  let range: ClosedRange<Double>

  /// The bands of `map`'s finite predictions and targets (0...0 when it has none).
  init(_ map: DecisionMap) {
    let values = (map.values.map(Double.init) + map.points.map(\.target)).filter(\.isFinite)
    range = (values.min() ?? 0)...(values.max() ?? 0)
  }

  /// The band of `value`, 0 (lowest) to `ScatterMap.regressionBandCount - 1`.
  func band(of value: Double) -> Int {
    let span = range.upperBound - range.lowerBound
    guard span > 0, value.isFinite else { return 0 }
    let band = Int((value - range.lowerBound) / span * Double(ScatterMap.regressionBandCount))
    return min(ScatterMap.regressionBandCount - 1, max(0, band))
  }
}
