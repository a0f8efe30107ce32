/// Summary statistics of consecutive points of one metric: the unit a `MetricSeries` stores.
///
/// A bucket of one point is that point at full resolution; merging two adjacent buckets keeps the exact
/// minimum, maximum and sum of every point both covered. Non-finite values (a diverged loss) are counted
/// but kept out of the statistics, so one NaN does not erase the shape of the curve before it.
public struct MetricBucket: Sendable, Equatable, Hashable {
  /// The step of the oldest point in the bucket.
  public var firstStep: Int
  /// The step of the newest point in the bucket.
  public var lastStep: Int
  /// How many points the bucket covers, finite or not.
  public var count: Int
  /// How many of those points were finite.
  public var finiteCount: Int
  /// The smallest finite value; `+infinity` when no value was finite.
  public var minimum: Double
  /// The largest finite value; `-infinity` when no value was finite.
  public var maximum: Double
  /// The sum of the finite values.
  public var sum: Double

  /// A bucket holding the single point `value` recorded at `step`.
  public init(step: Int, value: Double) {
    firstStep = step
    lastStep = step
    count = 1
    if value.isFinite {
      finiteCount = 1
      minimum = value
      maximum = value
      sum = value
    } else {
      finiteCount = 0
      minimum = .infinity
      maximum = -.infinity
      sum = 0
    }
  }

  /// The mean of the finite values, or NaN when none was finite.
  public var mean: Double { finiteCount > 0 ? sum / Double(finiteCount) : .nan }

  /// Whether some point in the bucket was NaN or infinite.
  public var containsNonFinite: Bool { finiteCount < count }

  /// Absorbs `newer`, a bucket whose points all follow this bucket's.
  public mutating func merge(_ newer: MetricBucket) {
    lastStep = newer.lastStep
    count += newer.count
    finiteCount += newer.finiteCount
    minimum = Swift.min(minimum, newer.minimum)
    maximum = Swift.max(maximum, newer.maximum)
    sum += newer.sum
  }

  /// This bucket followed by `newer`, merged.
  public func merging(_ newer: MetricBucket) -> MetricBucket {
    var result = self
    result.merge(newer)
    return result
  }
}
