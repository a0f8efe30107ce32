import DamScreen
import DamTraining
import Foundation

extension MetricSeries {
  /// The series from step `start` on, smoothed by an exponential moving average with weight `weight` per
  /// step and debiased at the start as TensorBoard does (`average = w * average + (1 - w) * value`,
  /// shown as `average / (1 - w^n)` after n values), keeping the points in `steps`, at most one per
  /// each of `columns` equal spans (the newest).
  ///
  /// A bucket of k steps (older history is merged) counts as k steps of its mean: the average decays by
  /// w^k, so the curve does not depend on how the history was merged. Buckets with no finite value
  /// leave a gap and do not move the average.
  /// - Complexity: O(bucketCount + columns).
  func smoothedPoints(weight: Double, from start: Int, over steps: ClosedRange<Int>, columns: Int) -> [ChartPoint] {
    guard columns > 0 else { return [] }
    var newest = [ChartPoint?](repeating: nil, count: columns)
    let span = Double(steps.upperBound - steps.lowerBound + 1)
    var average = 0.0
    var bias = 1.0  // w^n: the weight the zero start still has
    for bucket in buckets where bucket.lastStep >= start {
      var value = Double.nan
      if bucket.finiteCount > 0 {
        let decay = bucket.finiteCount == 1 ? weight : pow(weight, Double(bucket.finiteCount))
        average = average * decay + (1 - decay) * bucket.mean
        bias *= decay
        value = average / (1 - bias)
      }
      let middle = bucket.firstStep + (bucket.lastStep - bucket.firstStep) / 2
      guard steps.contains(middle) else { continue }
      let column = min(columns - 1, Int(Double(middle - steps.lowerBound) / span * Double(columns)))
      newest[column] = ChartPoint(x: Double(middle), y: value)
    }
    return newest.compactMap { $0 }
  }
}
