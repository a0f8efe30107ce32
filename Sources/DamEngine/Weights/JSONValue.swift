/// The small JSON subset a safetensors header uses, with a parser and a writer.
enum JSONValue {
  case object([(String, JSONValue)])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// The member `key` of an object, nil otherwise.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// Compact JSON text.
  var text: String {
    switch self {
    case .object(let members):
      return "{" + members.map { Self.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map(\.text).joined(separator: ",") + "]"
    case .string(let value): return Self.quoted(value)
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }

  private static func quoted(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// Parses `bytes` (UTF-8) as one JSON value.
  static func parse(_ bytes: ArraySlice<UInt8>) throws(WeightFileError) -> JSONValue {
    var parser = Parser(bytes: bytes)
    let value = try parser.value()
    parser.skipWhitespace()
    guard parser.index == bytes.endIndex else { throw parser.failure("trailing characters") }
    return value
  }

  private struct Parser {
    let bytes: ArraySlice<UInt8>
    var index: Int
    var depth = 0

    init(bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      index = bytes.startIndex
    }

    func failure(_ reason: String) -> WeightFileError {
      .invalidHeader("\(reason) at byte \(index - bytes.startIndex)")
    }

    mutating func skipWhitespace() {
      while index < bytes.endIndex, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func expect(_ byte: UInt8) throws(WeightFileError) {
      skipWhitespace()
      guard index < bytes.endIndex, bytes[index] == byte else {
        throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
      }
      index += 1
    }

    mutating func value() throws(WeightFileError) -> JSONValue {
      skipWhitespace()
      guard index < bytes.endIndex else { throw failure("unexpected end") }
      switch bytes[index] {
      case UInt8(ascii: "{"): return try object()
      case UInt8(ascii: "["): return try array()
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      default: return try number()
      }
    }

    mutating func nested<T>(_ body: (inout Parser) throws(WeightFileError) -> T) throws(WeightFileError) -> T {
      depth += 1
      guard depth <= 64 else { throw failure("nesting too deep") }
      defer { depth -= 1 }
      return try body(&self)
    }

    mutating func object() throws(WeightFileError) -> JSONValue {
      try nested { (parser: inout Parser) throws(WeightFileError) -> JSONValue in
        try parser.expect(UInt8(ascii: "{"))
        var members: [(String, JSONValue)] = []
        parser.skipWhitespace()
        if parser.index < parser.bytes.endIndex, parser.bytes[parser.index] == UInt8(ascii: "}") {
          parser.index += 1
          return .object(members)
        }
        while true {
          parser.skipWhitespace()
          let key = try parser.string()
          try parser.expect(UInt8(ascii: ":"))
          members.append((key, try parser.value()))
          parser.skipWhitespace()
          guard parser.index < parser.bytes.endIndex else { throw parser.failure("unterminated object") }
          let byte = parser.bytes[parser.index]
          parser.index += 1
          if byte == UInt8(ascii: "}") { return .object(members) }
          guard byte == UInt8(ascii: ",") else { throw parser.failure("expected ',' or '}'") }
        }
      }
    }

    mutating func array() throws(WeightFileError) -> JSONValue {
      try nested { (parser: inout Parser) throws(WeightFileError) -> JSONValue in
        try parser.expect(UInt8(ascii: "["))
        var elements: [JSONValue] = []
        parser.skipWhitespace()
        if parser.index < parser.bytes.endIndex, parser.bytes[parser.index] == UInt8(ascii: "]") {
          parser.index += 1
          return .array(elements)
        }
        while true {
          elements.append(try parser.value())
          parser.skipWhitespace()
          guard parser.index < parser.bytes.endIndex else { throw parser.failure("unterminated array") }
          let byte = parser.bytes[parser.index]
          parser.index += 1
          if byte == UInt8(ascii: "]") { return .array(elements) }
          guard byte == UInt8(ascii: ",") else { throw parser.failure("expected ',' or ']'") }
        }
      }
    }

    mutating func string() throws(WeightFileError) -> String {
      guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string") }
      index += 1
      var utf8: [UInt8] = []
      while index < bytes.endIndex {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\"") {
          guard let text = String(validating: utf8, as: UTF8.self) else { throw failure("invalid UTF-8") }
          return text
        }
        guard byte == UInt8(ascii: "\\") else {
          utf8.append(byte)
          continue
        }
        guard index < bytes.endIndex else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          guard index + 4 <= bytes.endIndex,
            let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(code)
          else { throw failure("invalid \\u escape") }
          index += 4
          utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw failure("invalid escape")
        }
      }
      throw failure("unterminated string")
    }

    mutating func number() throws(WeightFileError) -> JSONValue {
      let start = index
      while index < bytes.endIndex, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
      guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
        throw failure("expected a value")
      }
      return .number(value)
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(WeightFileError) -> JSONValue {
      let utf8 = Array(word.utf8)
      guard index + utf8.count <= bytes.endIndex, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
        throw failure("expected a value")
      }
      index += utf8.count
      return value
    }
  }
}
