import Foundation

/// The Renard R10 series of preferred numbers (1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8 times a power of
/// ten): ten steps a decade, about x1.26 each, landing on values that read well.
enum PreferredNumbers {
  /// The mantissas of one decade.
  static let mantissas: [Double] = [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8]
  /// The coarse 1-2-5 series: three steps a decade, for settings where 0 should be a few presses away.
  static let coarseMantissas: [Double] = [1, 2, 5]

  /// The smallest series value above `value` (> 0), or the largest below it when `upward` is false.
  /// A value between two series values moves to the neighbour in that direction.
  static func neighbour(of value: Double, upward: Bool, mantissas: [Double] = mantissas) -> Double {
    let decade = Int(floor(log10(value)))
    let candidates = (decade - 1...decade + 1).flatMap { power in
      mantissas.map { rounded($0 * pow(10, Double(power))) }
    }
    let tolerance = value * 1e-9
    if upward {
      return candidates.first { $0 > value + tolerance } ?? rounded(value * 10)
    }
    return candidates.last { $0 < value - tolerance } ?? rounded(value / 10)
  }

  /// `value` rounded to ten significant digits, dropping binary noise such as 0.30000000000000004.
  static func rounded(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    return Double(String(format: "%.10g", value)) ?? value
  }
}
