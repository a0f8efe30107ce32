import TOMLKit

/// Turns raw bytes into a TOML table of `PresetValue`s, or a diagnostic with line and column.
///
/// Whatever the bytes, this never crashes: oversized input, invalid UTF-8 and NUL bytes (which the C++
/// parser behind TOMLKit would silently truncate at) are rejected before parsing.
enum TOMLReader {
  /// Presets are small; anything larger than this is not one.
  static let maximumSize = 1 << 20

  /// The document's top-level table and where its keys are.
  /// - Throws: `PresetError` naming `file` with the line and column of the first problem.
  static func parse(_ bytes: [UInt8], file: String) throws(PresetError) -> (
    table: [String: PresetValue], locator: KeyLocator
  ) {
    guard bytes.count <= maximumSize else {
      throw PresetError(file: file, message: "the file has \(bytes.count) bytes; a preset is at most 1 MiB")
    }
    if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
      let (line, column) = position(of: offset, in: bytes)
      throw PresetError(
        file: file, line: line, column: column,
        message: "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); a preset is UTF-8 text")
    }
    if let offset = bytes.firstIndex(of: 0) {
      let (line, column) = position(of: offset, in: bytes)
      throw PresetError(file: file, line: line, column: column, message: "a NUL byte; a preset is UTF-8 text")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let (table, locator) = try parse(text, file: file)
    return (table, locator)
  }

  /// The top-level table of TOML `text`, and where its keys are.
  /// - Throws: `PresetError` with the parser's message, line and column.
  static func parse(_ text: String, file: String) throws(PresetError) -> (
    table: [String: PresetValue], locator: KeyLocator
  ) {
    guard !text.utf8.contains(0) else { throw PresetError(file: file, message: "a NUL byte; a preset is UTF-8 text") }
    let locator = KeyLocator(text: text)
    if let (line, column) = locator.malformedHeader {
      throw PresetError(
        file: file, line: line, column: column,
        message: "TOML syntax error: expected a table name (a bare or quoted key) after '['")
    }
    do {
      return (convert(try TOMLTable(string: text)), locator)
    } catch let error as TOMLParseError {
      throw PresetError(
        file: file, line: error.source.begin.line, column: error.source.begin.column,
        message: "TOML syntax error: \(error.description)")
    } catch {
      throw PresetError(file: file, message: "TOML syntax error: \(error)")
    }
  }

  private static func convert(_ table: TOMLTable) -> [String: PresetValue] {
    var result: [String: PresetValue] = [:]
    for key in table.keys {
      guard let value = table[key] else { continue }
      result[key] = convert(value)
    }
    return result
  }

  private static func convert(_ value: TOMLValueConvertible) -> PresetValue {
    switch value.type {
    case .string: return value.string.map(PresetValue.string) ?? .other("string")
    case .int: return value.int.map(PresetValue.integer) ?? .other("integer")
    case .double: return value.double.map(PresetValue.float) ?? .other("floating-point number")
    case .bool: return value.bool.map(PresetValue.boolean) ?? .other("boolean")
    case .array: return value.array.map { .array($0.map(convert)) } ?? .other("array")
    case .table: return value.table.map { .table(convert($0)) } ?? .other("table")
    case .date, .time, .dateTime: return .other(value.type.description)
    }
  }

  /// 1-based line and column (in characters) of the byte at `offset`.
  private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let before = bytes[..<offset]
    let line = before.count { $0 == UInt8(ascii: "\n") } + 1
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
    let column = bytes[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1
    return (line, column)
  }
}
