/// Reads the text of a numeric option against its allowed range.
///
/// Numeric options are declared as text (`parsing: .unconditional`), so `--seed -1` reaches this check
/// instead of ArgumentParser's "Missing value", and a value at or past its type's limits is an error that
/// names the option and the range instead of an overflow later on.
enum NumericOption {
  /// The integer `text` spells, within `range`.
  /// - Throws: `CommandFailure` naming `option`, the text and the range, when `text` is not an integer
  ///   (including one too large for 64 bits) or is outside `range`.
  static func integer(_ text: String, option: String, in range: ClosedRange<Int>, because reason: String = "")
    throws(CommandFailure) -> Int
  {
    guard let value = Int(text), range.contains(value) else {
      throw CommandFailure(
        "\(option) \(text) is out of range: expected an integer in \(range.lowerBound)...\(range.upperBound)"
          + reason)
    }
    return value
  }

  /// The number `text` spells; the caller checks its range (non-finite values included).
  /// - Throws: `CommandFailure` naming `option`, the text and `allowed` when `text` is not a number.
  static func number(_ text: String, option: String, allowed: String) throws(CommandFailure) -> Double {
    guard let value = Double(text) else {
      throw CommandFailure("\(option) \(text) is not a number: expected \(allowed)")
    }
    return value
  }
}
