import DamData
import DamEngine

extension Trainer {
  /// The decision map of the current weights over the training data's bounding box, for 2-D inputs (nil
  /// otherwise). Evaluation mode; the network's generator and training state are untouched.
  /// - Parameters:
  ///   - columns: cells across (at least 1).
  ///   - rows: cells down (at least 1).
  ///   - pointLimit: the most training points sampled.
  /// - Complexity: one forward pass over `columns * rows` inputs.
  public mutating func decisionMap(columns: Int = 128, rows: Int = 64, pointLimit: Int = 300) -> DecisionMap? {
    guard columns > 0, rows > 0, let (xRange, yRange) = Self.inputPlaneRanges(of: data.train) else { return nil }
    let classCount = network.architecture.head.classCount
    var inputs = [Float](repeating: 0, count: 2 * columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        let centre = DecisionMap.centre(row: row, column: column, columns: columns, rows: rows, x: xRange, y: yRange)
        inputs[2 * (row * columns + column)] = Float(centre.x)
        inputs[2 * (row * columns + column) + 1] = Float(centre.y)
      }
    }
    let outputs = try! network.predict(inputs, count: columns * rows)
    let values: [Float]
    switch network.architecture.head {
    case .binary: values = outputs.flatMap { [1 - $0, $0] }
    case .multiclass: values = outputs
    case .regression(let width): values = stride(from: 0, to: outputs.count, by: width).map { outputs[$0] }
    }
    return DecisionMap(
      step: step, columns: columns, rows: rows, xRange: xRange, yRange: yRange, classCount: classCount,
      values: values, points: samplePoints(limit: pointLimit, isClassification: classCount != nil))
  }

  /// The confusion matrix of the current weights on the validation split, for classification (nil for
  /// regression or an empty split). A binary prediction is class 1 when its probability is at least 0.5;
  /// a multiclass one is the most probable class (the lowest index on ties).
  /// - Complexity: one forward pass over the validation split.
  public mutating func confusionCounts() -> ConfusionCounts? {
    let validation = data.validation
    guard let classCount = network.architecture.head.classCount, validation.count > 0 else { return nil }
    let outputs = try! network.predict(validation.features, count: validation.count)
    let width = network.architecture.head.outputWidth
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
    for sample in 0..<validation.count {
      let actual = Int(validation.targets[sample * validation.targetWidth])
      let predicted: Int
      if width == 1 {
        predicted = outputs[sample] >= 0.5 ? 1 : 0
      } else {
        var best = 0
        for index in 1..<width where outputs[sample * width + index] > outputs[sample * width + best] { best = index }
        predicted = best
      }
      guard counts.indices.contains(actual) else { continue }
      counts[actual][predicted] += 1
    }
    let labels =
      validation.classLabels.count == classCount ? validation.classLabels : (0..<classCount).map { String($0) }
    return ConfusionCounts(step: step, counts: counts, labels: labels)
  }

  /// The box of the input plane for 2-D inputs: the finite points' range of `train` on each axis, widened
  /// by 5% on each side; nil for other inputs or without a finite point.
  static func inputPlaneRanges(of train: Dataset) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
    guard train.featureCount == 2, train.count > 0 else { return nil }
    var low = (x: Float.infinity, y: Float.infinity)
    var high = (x: -Float.infinity, y: -Float.infinity)
    for sample in 0..<train.count {
      let x = train.features[2 * sample]
      let y = train.features[2 * sample + 1]
      guard x.isFinite, y.isFinite else { continue }
      low = (min(low.x, x), min(low.y, y))
      high = (max(high.x, x), max(high.y, y))
    }
    guard low.x <= high.x, low.y <= high.y else { return nil }
    return (Self.widened(Double(low.x)...Double(high.x)), Self.widened(Double(low.y)...Double(high.y)))
  }

  /// Up to `limit` training points, taken at an even stride through the training split.
  private func samplePoints(limit: Int, isClassification: Bool) -> [DecisionMap.Point] {
    let train = data.train
    let stride = max(1, (train.count + limit - 1) / max(limit, 1))
    return Swift.stride(from: 0, to: train.count, by: stride).map { sample in
      let target = Double(train.targets[sample * train.targetWidth])
      return DecisionMap.Point(
        x: Double(train.features[2 * sample]), y: Double(train.features[2 * sample + 1]),
        classIndex: isClassification ? Int(target) : nil, target: target)
    }
  }

  /// `range` widened by 5% of its width on each side (by 1 when it is a single value).
  private static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
    let margin = range.upperBound > range.lowerBound ? 0.05 * (range.upperBound - range.lowerBound) : 1
    return (range.lowerBound - margin)...(range.upperBound + margin)
  }
}
