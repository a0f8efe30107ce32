import Testing

@testable import DamEngine

/// The random masks of dropout: the kept fraction and no correlation between neighbouring units, rows of
/// a batch, or successive calls.
struct DropoutMaskTests {
  /// `calls` successive masks of `count` units from one generator, 1 for kept units and 0 for dropped.
  private func masks(calls: Int, count: Int, rate: Double) -> [[Float]] {
    var generator = SeededGenerator(seed: 11)
    let values = [Float](repeating: 1, count: count)
    var dropped = values
    return (0..<calls).map { _ in
      var mask = values
      Float.applyDropout(
        values: values, mask: &mask, dropped: &dropped, count: count, rate: rate, generator: &generator)
      return mask.map { $0 == 0 ? 0 : 1 }
    }
  }

  /// The correlation coefficient of two equally long 0/1 sequences.
  private func correlation(_ x: [Float], _ y: [Float]) -> Double {
    let n = Double(x.count)
    let meanX = x.reduce(0) { $0 + Double($1) } / n
    let meanY = y.reduce(0) { $0 + Double($1) } / n
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (a, b) in zip(x, y) {
      covariance += (Double(a) - meanX) * (Double(b) - meanY)
      varianceX += (Double(a) - meanX) * (Double(a) - meanX)
      varianceY += (Double(b) - meanY) * (Double(b) - meanY)
    }
    return covariance / (varianceX * varianceY).squareRoot()
  }

  @Test("The kept fraction is 1 - rate", arguments: [0.1, 0.5, 0.9])
  func keptFraction(rate: Double) {
    let all = masks(calls: 16, count: 4096, rate: rate).flatMap { $0 }
    let kept = all.reduce(0) { $0 + Double($1) } / Double(all.count)
    let standardError = (rate * (1 - rate) / Double(all.count)).squareRoot()
    #expect(abs(kept - (1 - rate)) < 5 * standardError, "kept \(kept)")
  }

  @Test("Neighbouring units, rows and successive calls are uncorrelated")
  func noCorrelation() {
    // 32 calls of a batch of 32 rows x 128 units at rate 0.5; the correlations' standard error is about
    // 1/sqrt(pairs) = 0.003.
    let width = 128
    let calls = masks(calls: 32, count: 32 * width, rate: 0.5)
    let all = calls.flatMap { $0 }
    let pairs = all.count - width * 32
    let limit = 5 / Double(pairs).squareRoot()
    let neighbours = correlation(Array(all[0..<pairs]), Array(all[1..<(pairs + 1)]))
    let rows = correlation(Array(all[0..<pairs]), Array(all[width..<(pairs + width)]))
    let successiveCalls = correlation(Array(all[0..<pairs]), Array(all[(32 * width)...]))
    #expect(abs(neighbours) < limit, "units i, i + 1: \(neighbours)")
    #expect(abs(rows) < limit, "rows r, r + 1: \(rows)")
    #expect(abs(successiveCalls) < limit, "calls c, c + 1: \(successiveCalls)")
  }

  @Test("Each call takes exactly one draw from the generator and the same seed gives the same masks")
  func oneDrawPerCall() {
    var generator = SeededGenerator(seed: 12)
    var expected = generator
    _ = expected.next()
    let values = [Float](repeating: 1, count: 100)
    var mask = values
    var dropped = values
    Float.applyDropout(values: values, mask: &mask, dropped: &dropped, count: 100, rate: 0.3, generator: &generator)
    #expect(generator == expected)
    #expect(masks(calls: 3, count: 100, rate: 0.3) == masks(calls: 3, count: 100, rate: 0.3))
  }
}
