/// A TOML value as read from a preset, detached from the parser.
enum PresetValue: Sendable, Equatable {
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  case array([PresetValue])
  case table([String: PresetValue])
  /// A date, time or date-time (never valid in a preset), by its TOML type name.
  case other(String)

  /// The TOML type in words, for "got ..." in error messages.
  var typeDescription: String {
    switch self {
    case .string: return "a string"
    case .integer: return "an integer"
    case .float: return "a floating-point number"
    case .boolean: return "a boolean"
    case .array: return "an array"
    case .table: return "a table"
    case .other(let name): return "a \(name)"
    }
  }

  /// The value written as TOML (inline), e.g. `0.03`, `"spiral"`, `[16, 16]`.
  var tomlText: String {
    switch self {
    case .string(let text): return TOMLText.basicString(text)
    case .integer(let value): return String(value)
    case .float(let value): return TOMLText.float(value)
    case .boolean(let value): return value ? "true" : "false"
    case .array(let elements): return "[" + elements.map(\.tomlText).joined(separator: ", ") + "]"
    case .table(let entries):
      let pairs = entries.sorted { $0.key < $1.key }.map { "\(TOMLText.key($0.key)) = \($0.value.tomlText)" }
      return "{ " + pairs.joined(separator: ", ") + " }"
    case .other(let name): return "<\(name)>"
    }
  }
}
