/// Spelling of TOML scalars, keys and strings.
enum TOMLText {
  /// A float that reads back bit-identical: Swift's shortest round-trip digits, always with a `.` or an
  /// exponent so TOML sees a float; `inf`, `-inf` and `nan` for the non-finite values.
  static func float(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let text = String(value)
    return text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) ? text : text + ".0"
  }

  /// A single-line basic string with every quote, backslash and control character escaped.
  static func basicString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// A string as TOML: a multi-line literal string (readable, no escapes) when it spans lines and can be
  /// written that way exactly, otherwise a basic string.
  static func string(_ text: String) -> String {
    let fitsLiteral =
      text.contains("\n") && !text.contains("'''") && !text.hasSuffix("'")
      && !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F }
    return fitsLiteral ? "'''\n" + text + "'''" : basicString(text)
  }

  /// A key: bare when it is made of `A-Z a-z 0-9 _ -` only, quoted otherwise.
  static func key(_ name: String) -> String {
    let bare = !name.isEmpty && name.unicodeScalars.allSatisfy { isBareKeyCharacter($0) }
    return bare ? name : basicString(name)
  }

  /// Whether `scalar` may appear in a bare key.
  static func isBareKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
    default: return false
    }
  }
}
