/// Parses decimal numbers straight from bytes, without creating a `String` in the common case.
///
/// Accepts optional surrounding spaces or tabs, an optional sign, digits with an optional decimal point,
/// and an optional exponent (`-1.5e-3`, `.5`, `7.`). Numbers of at most 19 significant digits and a
/// decimal exponent within +-22 are computed exactly in `Double` and rounded once (Clinger's fast
/// path), then rounded to `Float`; anything longer is handed to the standard library's
/// locale-independent parser. `nan`, `inf` and values beyond `Float`'s range are rejected.
enum DecimalParser {
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// The number in `bytes[start..<end]`, or nil if it is not a finite decimal number.
  static func parseFloat(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Float? {
    let (low, high) = trimmed(bytes, from: start, to: end)
    guard low < high else { return nil }

    var index = low
    var negative = false
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var digitCount = 0
    var exponent = 0
    var sawPoint = false
    while index < high {
      let byte = bytes[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digitCount += 1
        if mantissa != 0 || byte != UInt8(ascii: "0") {
          significantDigits += 1
          if significantDigits <= 19 {
            mantissa = mantissa &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
          } else if !sawPoint {
            exponent += 1
          }
        }
        if sawPoint && significantDigits <= 19 { exponent -= 1 }
      } else if byte == UInt8(ascii: ".") && !sawPoint {
        sawPoint = true
      } else {
        break
      }
      index += 1
    }
    guard digitCount > 0 else { return nil }
    if index < high {
      guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
      index += 1
      var exponentNegative = false
      if index < high, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard index < high else { return nil }
      var written = 0
      while index < high {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        if written < 100_000 { written = written * 10 + Int(byte - UInt8(ascii: "0")) }
        index += 1
      }
      exponent += exponentNegative ? -written : written
    }

    let value: Double
    if mantissa == 0 {
      value = 0
    } else if significantDigits <= 19 && mantissa <= 1 << 53 && abs(exponent) <= 22 {
      let magnitude = Double(mantissa)
      value = exponent < 0 ? magnitude / powersOfTen[-exponent] : magnitude * powersOfTen[exponent]
    } else {
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
      guard let parsed = Double(text) else { return nil }
      let result = Float(parsed)
      return result.isFinite ? result : nil
    }
    let result = Float(negative ? -value : value)
    return result.isFinite ? result : nil
  }

  /// Whether `bytes[start..<end]` spells a number `parseFloat` refuses as not finite: `nan`, `inf` or
  /// `infinity` in any case and with an optional sign, or a decimal beyond `Float`'s range (`1e39`).
  static func isNonFiniteNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    let (low, high) = trimmed(bytes, from: start, to: end)
    guard low < high, high - low <= 400 else { return false }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
    guard let value = Double(text) else { return false }
    return !Float(value).isFinite
  }

  /// The bounds of `bytes[start..<end]` without leading and trailing spaces and tabs.
  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (Int, Int) {
    var low = start
    var high = end
    while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
    while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
    return (low, high)
  }
}
