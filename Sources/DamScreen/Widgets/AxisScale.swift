import Foundation

/// How values map onto an axis: linearly, or by their base-10 logarithm.
public enum AxisScale: Sendable, Hashable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios; only positive values are drawable.
  case logarithmic

  /// Whether `value` can be placed on this scale (finite, and positive on a log scale).
  public func accepts(_ value: Double) -> Bool {
    value.isFinite && (self == .linear || value > 0)
  }

  /// The coordinate along the axis: the value itself, or its base-10 logarithm.
  public func transform(_ value: Double) -> Double {
    self == .linear ? value : log10(value)
  }

  /// The value at axis coordinate `coordinate`: the inverse of `transform`.
  public func inverse(_ coordinate: Double) -> Double {
    self == .linear ? coordinate : pow(10, coordinate)
  }

  /// The range to show for the drawable `values`: their extent, widened when it is a single value
  /// (to half and double on a log scale, plus or minus half its size or 1 on a linear scale).
  /// Nil when no value is drawable.
  public func range(of values: some Sequence<Double>) -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for value in values where accepts(value) {
      low = min(low, value)
      high = max(high, value)
    }
    guard low <= high else { return nil }
    if low < high { return low...high }
    switch self {
    case .logarithmic: return (low / 2)...(low * 2)
    case .linear: return low == 0 ? -1...1 : (low - abs(low) / 2)...(low + abs(low) / 2)
    }
  }

  /// `range` widened about its middle to span at least `span`: decades on a log scale, a fraction of the
  /// larger end's magnitude on a linear scale. Unchanged when it already does (or `span` is 0).
  public func widened(_ range: ClosedRange<Double>, toSpan span: Double) -> ClosedRange<Double> {
    guard span > 0 else { return range }
    let low = transform(range.lowerBound)
    let high = transform(range.upperBound)
    let needed = self == .logarithmic ? span : span * max(abs(range.lowerBound), abs(range.upperBound))
    guard high - low < needed else { return range }
    let middle = (low + high) / 2
    return inverse(middle - needed / 2)...inverse(middle + needed / 2)
  }

  /// The fraction 0...1 of the way `value` lies through `range` (outside 0...1 when outside the range).
  public func fraction(of value: Double, in range: ClosedRange<Double>) -> Double {
    let low = transform(range.lowerBound)
    let span = transform(range.upperBound) - low
    return span > 0 ? (transform(value) - low) / span : 0.5
  }

  /// Round tick values inside `range`, at most `maxCount` of them. On a log scale spanning at least
  /// one power of ten: 1, 2 and 5 times each power of ten when they fit, else powers of ten (every
  /// n-th decade when there are too many). Otherwise multiples of 1, 2 or 5 times a power of ten.
  public func ticks(in range: ClosedRange<Double>, maxCount: Int) -> [Double] {
    guard maxCount > 0, range.lowerBound.isFinite, range.upperBound.isFinite else { return [] }
    if self == .logarithmic, range.lowerBound > 0, range.upperBound >= 10 * range.lowerBound {
      let first = Int(floor(log10(range.lowerBound)))
      let last = Int(floor(log10(range.upperBound)))
      let decades = (first...last).map { exponent in
        exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
      }
      let oneTwoFive = decades.flatMap { [$0, 2 * $0, 5 * $0] }.filter { range.contains($0) }
      if oneTwoFive.count >= 2 && oneTwoFive.count <= maxCount { return oneTwoFive }
      let powers = zip(first...last, decades).filter { range.contains($0.1) }
      if powers.count >= 2 {
        let stride = max(1, Int(ceil(Double(powers.count) / Double(maxCount))))
        return powers.filter { $0.0 % stride == 0 }.map(\.1)
      }
    }
    return Self.linearTicks(in: range, maxCount: maxCount)
  }

  /// Multiples of the smallest 1-2-5 step giving at most `maxCount` ticks inside `range`.
  private static func linearTicks(in range: ClosedRange<Double>, maxCount: Int) -> [Double] {
    let span = range.upperBound - range.lowerBound
    guard span > 0 else { return [range.lowerBound] }
    let exponent = Int(floor(log10(span / Double(maxCount))))
    for multiplier in [1.0, 2, 5, 10, 20, 50, 100] {
      // step = multiplier * 10^exponent, applied by exact division for negative exponents so that
      // 3 * 0.2 comes out as 0.6.
      let tick = { (index: Double) in
        exponent >= 0 ? index * multiplier * pow(10, Double(exponent)) : index * multiplier / pow(10, Double(-exponent))
      }
      let step = tick(1)
      let first = ceil(range.lowerBound / step - 1e-9)
      let last = floor(range.upperBound / step + 1e-9)
      if last - first + 1 <= Double(maxCount) {
        return Swift.stride(from: first, through: last, by: 1).map(tick)
      }
    }
    return [range.lowerBound, range.upperBound]
  }
}
