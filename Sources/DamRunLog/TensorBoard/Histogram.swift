/// The distribution of a set of values as TensorBoard's `HistogramProto` holds it: `bucketCount` equal
/// buckets between the smallest and the largest finite value, the count of each, and the moments.
///
/// Bucket i covers [`limits[i - 1]`, `limits[i]`) (the first from -infinity); the last limit is
/// `Double.greatestFiniteMagnitude`, so the last bucket ends at `max` inclusive. When every value is the
/// same there is one bucket. NaN and infinities are left out of every field (after a divergence a
/// histogram shows what is still finite); with no finite value there are no buckets and `count` is 0.
public struct Histogram: Sendable, Equatable {
  /// The smallest finite value (0 when there is none).
  public var min: Double
  /// The largest finite value (0 when there is none).
  public var max: Double
  /// How many finite values there are; the counts add up to it.
  public var count: Double
  /// Their sum.
  public var sum: Double
  /// The sum of their squares.
  public var sumOfSquares: Double
  /// The upper edge of each bucket.
  public var limits: [Double]
  /// The number of values in each bucket.
  public var counts: [Double]

  /// The default number of buckets.
  public static let defaultBucketCount = 30

  /// The histogram of `values`.
  /// - Precondition: `bucketCount` >= 1.
  /// - Complexity: O(n) in the number of values (two passes).
  public init(_ values: UnsafeBufferPointer<Float>, bucketCount: Int = Histogram.defaultBucketCount) {
    precondition(bucketCount >= 1, "a histogram needs at least one bucket")
    var smallest = Float.infinity
    var largest = -Float.infinity
    var count = 0
    var sum = 0.0
    var sumOfSquares = 0.0
    for value in values where value.isFinite {
      smallest = Swift.min(smallest, value)
      largest = Swift.max(largest, value)
      count += 1
      let x = Double(value)
      sum += x
      sumOfSquares += x * x
    }
    self.count = Double(count)
    self.sum = sum
    self.sumOfSquares = sumOfSquares
    guard count > 0 else {
      (min, max, limits, counts) = (0, 0, [], [])
      return
    }
    let (low, high) = (Double(smallest), Double(largest))
    (min, max) = (low, high)
    let buckets = low < high ? bucketCount : 1
    let width = (high - low) / Double(buckets)
    let limits = (1..<buckets).map { low + Double($0) * width } + [Double.greatestFiniteMagnitude]
    self.limits = limits
    counts = Self.count(values, limits: limits, low: low, scale: width > 0 ? 1 / width : 0)
  }

  /// The histogram of `values` (see `init(_:bucketCount:)`).
  public init(_ values: [Float], bucketCount: Int = Histogram.defaultBucketCount) {
    self = values.withUnsafeBufferPointer { Histogram($0, bucketCount: bucketCount) }
  }

  /// How many finite values fall in each bucket: bucket i holds `limits[i - 1] <= x < limits[i]`. The
  /// arithmetic guess (x - low) * scale is moved by at most a bucket where rounding put it on the wrong
  /// side of an edge.
  private static func count(
    _ values: UnsafeBufferPointer<Float>, limits: [Double], low: Double, scale: Double
  ) -> [Double] {
    var counts = [Int](repeating: 0, count: limits.count)
    limits.withUnsafeBufferPointer { limits in
      counts.withUnsafeMutableBufferPointer { counts in
        let last = limits.count - 1
        for value in values where value.isFinite {
          let x = Double(value)
          var index = Swift.min(last, Int((x - low) * scale))
          while index > 0 && x < limits[index - 1] { index -= 1 }
          while x >= limits[index] { index += 1 }
          counts[index] += 1
        }
      }
    }
    return counts.map(Double.init)
  }
}
