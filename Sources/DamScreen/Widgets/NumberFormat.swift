import Foundation

/// Short, readable number text for axes, bars and status lines.
///
/// - `compact`: 0.0123, 0.5, 2.3, 12.4k, 1.3M, 1.2e-5, 1e-3 (three significant digits by default,
///   trailing zeros dropped; scientific below 0.01 and from 1e12, with one digit fewer).
/// - `count`: whole counts such as steps: 999, 12.4k, 1.3M.
/// - `percent`: a fraction as 12.3%.
public enum NumberFormat {
  /// A value in at most `significantDigits` significant digits, in the shortest common notation.
  public static func compact(_ value: Double, significantDigits: Int = 3) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == 0 { return "0" }
    let digits = max(1, significantDigits)
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    if magnitude < 0.01 || magnitude >= 1e12 { return sign + scientific(magnitude, digits: max(1, digits - 1)) }
    for (scale, suffix) in [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "G")] {
      let scaled = rounded(magnitude / scale, digits: digits)
      if scaled < 1000 { return sign + decimal(scaled, digits: digits) + suffix }
    }
    return sign + scientific(magnitude, digits: max(1, digits - 1))
  }

  /// A count (steps, samples): exact below 1000, then compact (12.4k, 1.3M).
  public static func count(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1000 else { return compact(value) }
    return String(Int(value.rounded()))
  }

  /// A fraction in 0...1 as a percentage with up to one decimal: 0.123 -> "12.3%".
  public static func percent(_ fraction: Double) -> String {
    guard fraction.isFinite else { return compact(fraction) }
    let tenths = (fraction * 1000).rounded() / 10
    return trimmed(String(format: "%.1f", tenths)) + "%"
  }

  /// `value` rounded to `digits` significant digits.
  private static func rounded(_ value: Double, digits: Int) -> Double {
    let exponent = Int(floor(log10(value)))
    let factor = pow(10, Double(digits - 1 - exponent))
    return (value * factor).rounded() / factor
  }

  /// A positive value with enough decimals for `digits` significant digits, trailing zeros dropped.
  private static func decimal(_ value: Double, digits: Int) -> String {
    let exponent = Int(floor(log10(value)))
    let decimals = max(0, digits - 1 - exponent)
    return trimmed(String(format: "%.\(decimals)f", value))
  }

  /// A positive value as mantissa and exponent: 1.2e-5, 1e-3, 3e12.
  private static func scientific(_ value: Double, digits: Int) -> String {
    var exponent = Int(floor(log10(value)))
    var mantissa = rounded(value / pow(10, Double(exponent)), digits: digits)
    if mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    return trimmed(String(format: "%.\(digits - 1)f", mantissa)) + "e\(exponent)"
  }

  /// Drops trailing zeros after a decimal point, and the point itself when nothing follows.
  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.last == "0" { result = result.dropLast() }
    if result.last == "." { result = result.dropLast() }
    return String(result)
  }
}
