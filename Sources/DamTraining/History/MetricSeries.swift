/// The whole history of one metric in bounded memory: full resolution for the recent past, ever coarser
/// buckets further back.
///
/// Points live in `levelCount` levels of at most `bucketsPerLevel` buckets each. Level 0 holds single
/// points; level k holds buckets of 2^k points. When a level overflows, its two oldest buckets merge into
/// one bucket of the next level. The last level never overflows: when it fills, every adjacent pair of its
/// buckets merges and its bucket width doubles. So the series never holds more than
/// `levelCount * bucketsPerLevel` buckets, however long the run, and every bucket's minimum, maximum and
/// mean stay exact over the points it covers.
///
/// With the defaults (1,024 buckets, 6 levels) the last 1,024 points are at full resolution, the
/// last ~31,000 at most 16 points per bucket, and a ten-million-step run takes the same ~6,100 buckets
/// (about 340 KiB) as a thirty-thousand-step one. A value type: copies share memory until one is mutated.
public struct MetricSeries: Sendable {
  /// The number of points appended so far.
  public private(set) var pointCount = 0
  private var storage: BucketStorage

  /// Creates an empty series.
  /// - Parameters:
  ///   - bucketsPerLevel: buckets per level, at least 2; also the number of newest points kept exactly.
  ///   - levelCount: resolution levels, at least 1.
  public init(bucketsPerLevel: Int = 1024, levelCount: Int = 6) {
    precondition(bucketsPerLevel >= 2, "a level needs at least two buckets to merge")
    precondition(levelCount >= 1, "a series needs at least one level")
    storage = BucketStorage(bucketsPerLevel: bucketsPerLevel, levelCount: levelCount)
  }

  /// The heap bytes of the series' buckets: fixed when it is created, however many points it takes.
  public var allocatedBytes: Int { storage.allocatedBytes }

  /// The most buckets one level holds.
  public var bucketsPerLevel: Int { storage.bucketsPerLevel }

  /// The number of resolution levels.
  public var levelCount: Int { storage.levelCount }

  /// The most buckets this series can ever hold.
  public var bucketCapacity: Int { bucketsPerLevel * levelCount }

  /// The number of buckets held now.
  public var bucketCount: Int { (0..<levelCount).reduce(0) { $0 + storage.counts[$1] } }

  /// The newest bucket, if any: the newest point itself unless the series has a single level.
  public var latest: MetricBucket? {
    let held = storage.counts[0]
    return held > 0 ? storage.bucket(level: 0, offset: held - 1) : nil
  }

  /// Records `value` at `step`; steps must not decrease.
  /// - Complexity: amortized O(1).
  public mutating func append(step: Int, value: Double) {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    pointCount += 1
    storage.append(MetricBucket(step: step, value: value))
  }

  /// Every bucket, oldest first.
  /// - Complexity: O(bucketCount).
  public var buckets: [MetricBucket] {
    var result: [MetricBucket] = []
    result.reserveCapacity(bucketCount)
    forEachBucket { result.append($0) }
    return result
  }

  /// The buckets summarised into `columns` equal spans of `steps`, oldest first, for drawing.
  ///
  /// A bucket counts toward the column that holds its middle step; a column that no bucket falls into is
  /// nil. Points outside `steps` are left out.
  /// - Complexity: O(bucketCount + columns).
  public func resampled(over steps: ClosedRange<Int>, columns: Int) -> [MetricBucket?] {
    guard columns > 0 else { return [] }
    var result = [MetricBucket?](repeating: nil, count: columns)
    let span = Double(steps.upperBound - steps.lowerBound + 1)
    forEachBucket { bucket in
      let middle = bucket.firstStep + (bucket.lastStep - bucket.firstStep) / 2
      guard steps.contains(middle) else { return }
      let column = min(columns - 1, Int(Double(middle - steps.lowerBound) / span * Double(columns)))
      result[column] = result[column].map { $0.merging(bucket) } ?? bucket
    }
    return result
  }

  /// Calls `body` with every bucket, oldest first.
  private func forEachBucket(_ body: (MetricBucket) -> Void) {
    for level in stride(from: levelCount - 1, through: 0, by: -1) {
      for offset in 0..<storage.counts[level] { body(storage.bucket(level: level, offset: offset)) }
    }
  }
}
