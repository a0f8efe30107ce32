/// Builds one JSON object as text, fields in the order written: a small, fast encoder with a stable key
/// order for the JSON lines dam-tui writes. Non-finite numbers and nil become `null`.
struct JSONObjectWriter {
  /// The text so far (an unterminated object until `finish()`).
  private(set) var text = "{"
  private var isEmpty = true

  /// Starts an empty object.
  init() {}

  /// Writes `"key": value`, or `"key": null` when `value` is nil or not finite.
  /// Doubles use the shortest text that reads back as the same number.
  mutating func field(_ key: String, _ value: Double?) {
    writeKey(key)
    Self.appendNumber(value, to: &text)
  }

  /// Writes `"key": value`.
  mutating func field(_ key: String, _ value: Int?) {
    writeKey(key)
    text += value.map(String.init) ?? "null"
  }

  /// Writes `"key": value` for an unsigned integer, exactly.
  mutating func field(_ key: String, _ value: UInt64) {
    writeKey(key)
    text += String(value)
  }

  /// Writes `"key": "value"`, escaped.
  mutating func field(_ key: String, _ value: String) {
    writeKey(key)
    Self.appendString(value, to: &text)
  }

  /// Writes `"key": true` or `false`.
  mutating func field(_ key: String, _ value: Bool) {
    writeKey(key)
    text += value ? "true" : "false"
  }

  /// Writes `"key": "value"` escaped, `true`/`false`, or `"key": null` when `value` is nil.
  mutating func field(_ key: String, optional value: (some JSONScalar)?) {
    guard let value else {
      writeKey(key)
      text += "null"
      return
    }
    value.write(key, to: &self)
  }

  /// Writes `"key": [object, ...]` from already-finished objects.
  mutating func field(_ key: String, objects: [String]) {
    writeKey(key)
    text += "[" + objects.joined(separator: ",") + "]"
  }

  /// Writes `"key": [number, ...]`; non-finite entries become `null`.
  mutating func field(_ key: String, numbers: [Double]) {
    writeKey(key)
    text += "["
    for (index, number) in numbers.enumerated() {
      if index > 0 { text += "," }
      Self.appendNumber(number, to: &text)
    }
    text += "]"
  }

  /// The finished object.
  func finish() -> String { text + "}" }

  private mutating func writeKey(_ key: String) {
    if !isEmpty { text += "," }
    isEmpty = false
    Self.appendString(key, to: &text)
    text += ":"
  }

  /// Appends a JSON number, or `null` for nil, NaN and infinities.
  static func appendNumber(_ value: Double?, to text: inout String) {
    guard let value, value.isFinite else {
      text += "null"
      return
    }
    // Swift's description is the shortest round-tripping form and always valid JSON for finite values
    // ("0.1", "1e-05", "3.0", "-0.0", "1e+20").
    text += value.description
  }

  /// Appends `value` as a JSON string: quotes, backslashes and control characters escaped.
  static func appendString(_ value: String, to text: inout String) {
    text += "\""
    defer { text += "\"" }
    // Most strings (finding messages, keys) need no escape: append them whole.
    guard value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
      text += value
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
  }
}
