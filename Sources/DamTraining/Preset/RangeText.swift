/// Ranges written the way error messages and the README show them.
enum RangeText {
  /// `[0, 0.5]`, `(0, 10]`, `[0, 1)`.
  static func interval(_ range: ClosedRange<Double>, openLow: Bool = false, openHigh: Bool = false) -> String {
    "\(openLow ? "(" : "[")\(bound(range.lowerBound)), \(bound(range.upperBound))\(openHigh ? ")" : "]")"
  }

  /// `50...100000`.
  static func integers(_ range: ClosedRange<Int>) -> String {
    "\(range.lowerBound)...\(range.upperBound)"
  }

  /// Whole numbers without a decimal point, others as Swift writes them.
  static func bound(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
