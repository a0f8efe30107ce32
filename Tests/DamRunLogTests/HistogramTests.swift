import Testing

@testable import DamRunLog

@Suite("Histogram")
struct HistogramTests {
  @Test("Equal buckets from min to max; counts add up to the number of values")
  func equalBuckets() {
    let histogram = Histogram([-1, -0.5, 0, 0.25, 0.5, 1, 2], bucketCount: 3)
    #expect(histogram.min == -1)
    #expect(histogram.max == 2)
    #expect(histogram.count == 7)
    #expect(histogram.sum == 2.25)
    #expect(histogram.sumOfSquares == 1 + 0.25 + 0.0625 + 0.25 + 1 + 4)
    #expect(histogram.limits == [0, 1, Double.greatestFiniteMagnitude])
    // [-1, 0): -1, -0.5; [0, 1): 0, 0.25, 0.5; [1, max]: 1, 2.
    #expect(histogram.counts == [2, 3, 2])
  }

  @Test("Every value the same is one bucket")
  func constant() {
    let histogram = Histogram([Float](repeating: 0.5, count: 4))
    #expect(histogram.limits == [Double.greatestFiniteMagnitude])
    #expect(histogram.counts == [4])
    #expect(histogram.min == 0.5 && histogram.max == 0.5)
  }

  @Test("NaN and infinities are left out; with nothing finite there are no buckets")
  func nonFinite() {
    let histogram = Histogram([.nan, 1, .infinity, 3, -.infinity], bucketCount: 2)
    #expect(histogram.count == 2)
    #expect(histogram.counts == [1, 1])
    #expect(histogram.min == 1 && histogram.max == 3)
    let empty = Histogram([.nan])
    #expect(empty.count == 0 && empty.counts.isEmpty && empty.limits.isEmpty)
  }

  @Test("Each value lands in the bucket its limits say, whatever the rounding")
  func bucketsAgreeWithLimits() {
    let values: [Float] = (0..<1000).map { Float($0) * 0.001 - 0.3 }
    let histogram = Histogram(values)
    var expected = [Double](repeating: 0, count: histogram.limits.count)
    for value in values.map(Double.init) {
      expected[histogram.limits.firstIndex { value < $0 }!] += 1
    }
    #expect(histogram.counts == expected)
    #expect(histogram.counts.reduce(0, +) == 1000)
  }
}
