#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Rounding of sampled values to a few significant digits, so leaderboards and command lines stay
/// readable; the trial then trains with exactly the rounded value it prints.
enum SignificantDigits {
  /// `value` rounded to `digits` significant decimal digits: the double nearest to the decimal
  /// `d.ddd x 10^e`, read back from that decimal text so the result has the short spelling.
  static func round(_ value: Double, digits: Int = 4) -> Double {
    guard value.isFinite, value != 0 else { return value }
    var exponent = Int(floor(log10(abs(value)))) - (digits - 1)
    var mantissa = (abs(value) / pow(10, Double(exponent))).rounded()
    if mantissa >= pow(10, Double(digits)) {
      mantissa /= 10
      exponent += 1
    }
    let text = (value < 0 ? "-" : "") + String(Int(mantissa)) + "e" + String(exponent)
    return Double(text) ?? value
  }
}
