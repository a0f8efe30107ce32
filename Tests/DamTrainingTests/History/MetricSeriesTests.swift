import Testing

@testable import DamTraining

@Suite("Metric series")
struct MetricSeriesTests {
  /// An independent reference: the statistics of the integer-valued test signal over a step range.
  private func expectedStatistics(_ value: (Int) -> Double, _ steps: ClosedRange<Int>) -> (Double, Double, Double) {
    var low = Double.infinity
    var high = -Double.infinity
    var sum = 0.0
    for step in steps {
      low = min(low, value(step))
      high = max(high, value(step))
      sum += value(step)
    }
    return (low, sum / Double(steps.count), high)
  }

  @Test("Recent points are kept at full resolution")
  func recentPointsExact() {
    var series = MetricSeries(bucketsPerLevel: 8, levelCount: 3)
    for step in 0..<100 { series.append(step: step, value: Double(step * step)) }
    let newest = series.buckets.suffix(7)
    #expect(newest.map(\.firstStep) == Array(93..<100))
    #expect(newest.allSatisfy { $0.count == 1 && $0.minimum == Double($0.firstStep * $0.firstStep) })
  }

  @Test("Buckets cover every point once, in order, without gaps")
  func bucketsTileTheSteps() {
    var series = MetricSeries(bucketsPerLevel: 4, levelCount: 3)
    for step in 0..<1_000 { series.append(step: step, value: 1) }
    let buckets = series.buckets
    #expect(buckets.first?.firstStep == 0)
    #expect(buckets.last?.lastStep == 999)
    #expect(buckets.reduce(0) { $0 + $1.count } == 1_000)
    for (older, newer) in zip(buckets, buckets.dropFirst()) { #expect(newer.firstStep == older.lastStep + 1) }
    #expect(series.pointCount == 1_000)
  }

  @Test("Ten million points stay within the bucket budget with exact minimum, mean and maximum")
  func tenMillionPointsBounded() {
    // A sawtooth with a slow trend: every bucket's extremes and mean differ, and all sums are exact integers.
    let value: (Int) -> Double = { Double($0 % 977) + Double($0 / 100_000) }
    var series = MetricSeries()
    var largestBucketCount = 0
    for step in 0..<10_000_000 {
      series.append(step: step, value: value(step))
      if step & 0xFFFF == 0 { largestBucketCount = max(largestBucketCount, series.bucketCount) }
    }
    #expect(series.bucketCount <= series.bucketCapacity)
    #expect(largestBucketCount <= 6 * 1024)
    let buckets = series.buckets
    #expect(buckets.count == series.bucketCount)
    #expect(buckets.reduce(0) { $0 + $1.count } == 10_000_000)
    // Check a spread of buckets from every level against the reference.
    for index in stride(from: 0, to: buckets.count, by: 37) + [buckets.count - 1] {
      let bucket = buckets[index]
      let (low, mean, high) = expectedStatistics(value, bucket.firstStep...bucket.lastStep)
      #expect(bucket.minimum == low)
      #expect(bucket.maximum == high)
      #expect(bucket.mean == mean)
    }
  }

  @Test("A ten-thousand-step run already uses a comparable number of buckets")
  func shortRunBucketCount() {
    var series = MetricSeries()
    for step in 0..<10_000 { series.append(step: step, value: 0) }
    #expect(series.bucketCount > 2_000)
    #expect(series.bucketCount <= series.bucketCapacity)
  }

  @Test("Non-finite values are counted but do not poison the statistics")
  func nonFiniteValues() {
    var series = MetricSeries(bucketsPerLevel: 2, levelCount: 2)
    series.append(step: 0, value: 3)
    series.append(step: 1, value: .nan)
    series.append(step: 2, value: 5)
    series.append(step: 3, value: .infinity)
    series.append(step: 4, value: 1)
    let merged = series.buckets.dropLast().reduce(series.buckets.last!) { $1.merging($0) }
    #expect(merged.count == 5)
    #expect(merged.finiteCount == 3)
    #expect(merged.minimum == 1)
    #expect(merged.maximum == 5)
    #expect(merged.mean == 3)
    #expect(merged.containsNonFinite)
    #expect(MetricBucket(step: 0, value: .nan).mean.isNaN)
  }

  @Test("Resampling merges buckets into columns by step")
  func resampling() {
    var series = MetricSeries(bucketsPerLevel: 64, levelCount: 2)
    for step in 0..<40 { series.append(step: step, value: Double(step)) }
    let columns = series.resampled(over: 0...39, columns: 4)
    #expect(columns.count == 4)
    #expect(columns.map { $0?.minimum } == [0, 10, 20, 30])
    #expect(columns.map { $0?.maximum } == [9, 19, 29, 39])
    #expect(columns.map { $0?.mean } == [4.5, 14.5, 24.5, 34.5])
    let window = series.resampled(over: 30...49, columns: 2)
    #expect(window[0]?.count == 10)
    #expect(window[1] == nil)
  }
}
