/// One `--set section.key=value` setting, applied on top of a preset with the same validation as the file.
///
/// The value is TOML (`0.1`, `[32, 32]`, `"spiral"`); anything that is not valid TOML and does not start
/// like a TOML string, array or table is taken as a string, so `--set data.dataset=moons` works unquoted.
public struct PresetOverride: Sendable, Equatable {
  /// The argument as given, without `--set`.
  public let argument: String
  /// `["section", "key"]`, or `["title"]` for a top-level key.
  let path: [String]
  /// The parsed value.
  let value: PresetValue

  /// Parses `section.key=value`.
  /// - Throws: `PresetError` naming the argument when there is no `=`, the key is malformed or the value
  ///   is broken TOML.
  public init(parsing argument: String) throws(PresetError) {
    self.argument = argument
    guard let equals = argument.firstIndex(of: "=") else {
      throw Self.error(argument, "expected section.key=value (for example training.learning_rate=0.1)")
    }
    let keyText = argument[..<equals].trimmingSpaces
    let path = keyText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(path.count), path.allSatisfy({ !$0.isEmpty }) else {
      throw Self.error(
        argument, "\"\(keyText)\" is not a key: expected section.key (data, model, training, run) or title/description")
    }
    self.path = path
    self.value = try Self.parseValue(argument[argument.index(after: equals)...].trimmingSpaces, argument: argument)
  }

  private static func parseValue(_ text: String, argument: String) throws(PresetError) -> PresetValue {
    guard !text.isEmpty else { throw error(argument, "the value is missing (use \"\" for an empty string)") }
    let parsed: [String: PresetValue]
    do {
      parsed = try TOMLReader.parse("value = " + text, file: "").table
    } catch {
      if text.isIntegerLiteral {
        throw Self.error(argument, "\(text) is out of range: integers are 64-bit, at most 9223372036854775807")
      }
      if text.isDecimalLiteral {
        throw Self.error(
          argument, "\(text) is out of range: numbers are 64-bit floating point, at most 1.7976931348623157e308")
      }
      let structural = text.first.map { "\"'[{".contains($0) } ?? false
      guard !structural, !text.contains("\n"), !text.contains("\0") else {
        let reason = error.diagnostics.first?.message ?? "invalid TOML"
        throw Self.error(argument, "the value is not valid TOML (\(reason))")
      }
      return .string(text)
    }
    guard parsed.count == 1, let value = parsed["value"] else {
      throw error(argument, "the value must be a single TOML value")
    }
    return value
  }

  private static func error(_ argument: String, _ message: String) -> PresetError {
    PresetError([PresetDiagnostic(file: "", override: argument, message: message)])
  }
}

extension String {
  /// Digits with an optional sign and `_` separators: TOML reads it as an integer or refuses it as too large.
  fileprivate var isIntegerLiteral: Bool {
    let digits = first == "+" || first == "-" ? dropFirst() : Substring(self)
    return digits.first?.isASCII == true && digits.first?.isNumber == true
      && digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" }
  }
}

extension String {
  /// Digits, points, exponents and `_` separators with an optional sign: TOML reads it as a float or
  /// refuses it as too large (`1e999`).
  fileprivate var isDecimalLiteral: Bool {
    let digits = first == "+" || first == "-" ? dropFirst() : Substring(self)
    return digits.first.map { $0.isASCII && ($0.isNumber || $0 == ".") } == true
      && digits.contains { $0 == "e" || $0 == "E" }
      && digits.allSatisfy { ($0.isASCII && $0.isNumber) || "._eE+-".contains($0) }
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
