/// Per-feature statistics of the training split and the affine map they define.
///
/// Every prepared feature value is `x' = (x - shift[j]) * multiplier[j]`:
/// - `none`: shift 0, multiplier 1;
/// - `standard`: shift = mean, multiplier = 1 / std (population standard deviation); a feature with
///   zero std is only centred (multiplier 1);
/// - `minmax`: shift = min, multiplier = 1 / (max - min); a constant feature maps to 0 (multiplier 1).
///
/// The statistics are fitted to the raw features as `DataSpec.prepare` hands them over, after
/// `feature_scale` has scaled them, so `standard` and `minmax` undo that scale and `none` keeps it.
public struct NormalizationStatistics: Sendable, Equatable {
  /// The normalization the map implements.
  public let method: DataSpec.Normalization
  /// Mean of each raw feature over the training split.
  public let mean: [Float]
  /// Population standard deviation of each raw feature over the training split.
  public let standardDeviation: [Float]
  /// Minimum of each raw feature over the training split.
  public let minimum: [Float]
  /// Maximum of each raw feature over the training split.
  public let maximum: [Float]
  /// Subtracted from raw feature j.
  public let shift: [Float]
  /// Then multiplies feature j.
  public let multiplier: [Float]

  /// The statistics of `training` (raw features) and the map for `method`.
  public init(fitting training: Dataset, method: DataSpec.Normalization) {
    let width = training.featureCount
    var sum = [Double](repeating: 0, count: width)
    var low = [Float](repeating: .infinity, count: width)
    var high = [Float](repeating: -.infinity, count: width)
    for (index, value) in training.features.enumerated() {
      let j = index % width
      sum[j] += Double(value)
      low[j] = min(low[j], value)
      high[j] = max(high[j], value)
    }
    let count = Double(max(training.count, 1))
    let means = sum.map { $0 / count }
    var squares = [Double](repeating: 0, count: width)
    for (index, value) in training.features.enumerated() {
      let deviation = Double(value) - means[index % width]
      squares[index % width] += deviation * deviation
    }
    let deviations = squares.map { ($0 / count).squareRoot() }

    var shift = [Float](repeating: 0, count: width)
    var multiplier = [Float](repeating: 1, count: width)
    for j in 0..<width {
      switch method {
      case .none:
        break
      case .standard:
        shift[j] = Float(means[j])
        if deviations[j] > 0 { multiplier[j] = Float(1 / deviations[j]) }
      case .minmax:
        shift[j] = low[j]
        if high[j] > low[j] { multiplier[j] = Float(1 / (Double(high[j]) - Double(low[j]))) }
      }
    }
    self.method = method
    self.mean = means.map { Float($0) }
    self.standardDeviation = deviations.map { Float($0) }
    self.minimum = training.count > 0 ? low : [Float](repeating: 0, count: width)
    self.maximum = training.count > 0 ? high : [Float](repeating: 0, count: width)
    self.shift = shift
    self.multiplier = multiplier
  }

  /// The prepared value of raw feature `feature`.
  @inline(__always)
  public func normalize(_ value: Float, feature: Int) -> Float {
    (value - shift[feature]) * multiplier[feature]
  }

  /// The raw value of prepared feature `feature`.
  @inline(__always)
  public func denormalize(_ value: Float, feature: Int) -> Float {
    value / multiplier[feature] + shift[feature]
  }

  /// `dataset` with every feature mapped.
  public func apply(to dataset: Dataset) -> Dataset {
    var result = dataset
    result.transformFeatures { feature, value in normalize(value, feature: feature) }
    return result
  }
}
