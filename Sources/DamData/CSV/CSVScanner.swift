/// Splits CSV bytes into fields (RFC 4180) without copying them.
///
/// Fields are separated by commas and rows by LF, CRLF or a lone CR. A field that starts with a double
/// quote runs to the matching closing quote and may hold commas, line breaks and doubled quotes (`""`
/// for one `"`). The scanner tracks the 1-based line of every field for error messages.
struct CSVScanner {
  /// What ended a field.
  enum Terminator {
    case comma, lineEnd, endOfFile
  }

  /// One field: its content `start..<end` (inside the quotes for a quoted field) and where it began.
  struct Field {
    var start: Int
    var end: Int
    /// The content contains doubled quotes that stand for one quote each.
    var hasEscapedQuotes: Bool
    var line: Int
    /// Byte offset of the field's first byte (its opening quote, if quoted).
    var offset: Int
    var terminator: Terminator
  }

  /// A malformed field, with its 1-based line and the byte offset of the problem.
  struct SyntaxError: Error {
    var line: Int
    var offset: Int
    var message: String
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// Offset of the first byte after a byte-order mark (0 without one).
  private let contentStart: Int
  /// The next byte to read.
  private(set) var position: Int
  /// The 1-based line of `position`.
  private(set) var line = 1

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// A scanner at the start of `bytes`, skipping a UTF-8 byte-order mark.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    contentStart = hasBOM ? 3 : 0
    position = contentStart
  }

  /// True when no bytes are left.
  var isAtEnd: Bool { position >= bytes.count }

  /// Skips empty lines; returns false at the end of the input.
  mutating func skipEmptyLines() -> Bool {
    while position < bytes.count {
      let byte = bytes[position]
      guard byte == Self.newline || byte == Self.carriageReturn else { return true }
      consumeLineEnd()
    }
    return false
  }

  /// The 1-based column, in characters, of the byte at `offset` within its line.
  func column(ofOffset offset: Int) -> Int {
    var lineStart = min(offset, bytes.count)
    while lineStart > 0 && bytes[lineStart - 1] != Self.newline && bytes[lineStart - 1] != Self.carriageReturn {
      lineStart -= 1
    }
    var column = 1
    var index = max(lineStart, contentStart)
    while index < offset && index < bytes.count {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return column
  }

  /// Reads the next field and its terminator (consuming the comma or line end).
  mutating func nextField() throws(SyntaxError) -> Field {
    let fieldLine = line
    let offset = position
    if position < bytes.count && bytes[position] == Self.quote {
      return try quotedField(line: fieldLine, offset: offset)
    }
    var index = position
    while index < bytes.count {
      let byte = bytes[index]
      if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
      index += 1
    }
    position = index
    return Field(
      start: offset, end: index, hasEscapedQuotes: false, line: fieldLine, offset: offset,
      terminator: consumeTerminator())
  }

  private mutating func quotedField(line fieldLine: Int, offset: Int) throws(SyntaxError) -> Field {
    let start = position + 1
    var index = start
    var escaped = false
    while true {
      guard index < bytes.count else {
        throw SyntaxError(
          line: fieldLine, offset: offset, message: "quoted field is not closed before the end of the file")
      }
      let byte = bytes[index]
      if byte == Self.quote {
        if index + 1 < bytes.count && bytes[index + 1] == Self.quote {
          escaped = true
          index += 2
          continue
        }
        break
      }
      if byte == Self.newline
        || (byte == Self.carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != Self.newline))
      {
        line += 1
      }
      index += 1
    }
    let end = index
    position = index + 1
    if position < bytes.count {
      let next = bytes[position]
      guard next == Self.comma || next == Self.newline || next == Self.carriageReturn else {
        throw SyntaxError(
          line: line, offset: position, message: "expected a comma or a line end after the closing quote")
      }
    }
    return Field(
      start: start, end: end, hasEscapedQuotes: escaped, line: fieldLine, offset: offset,
      terminator: consumeTerminator())
  }

  private mutating func consumeTerminator() -> Terminator {
    guard position < bytes.count else { return .endOfFile }
    if bytes[position] == Self.comma {
      position += 1
      return .comma
    }
    consumeLineEnd()
    return .lineEnd
  }

  private mutating func consumeLineEnd() {
    if bytes[position] == Self.carriageReturn && position + 1 < bytes.count && bytes[position + 1] == Self.newline {
      position += 2
    } else {
      position += 1
    }
    line += 1
  }

  /// The text of a field, with doubled quotes undone.
  func text(of field: Field) -> String {
    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    guard field.hasEscapedQuotes else { return raw }
    var result = ""
    var afterQuote = false
    for character in raw {
      if character == "\"" && afterQuote {
        afterQuote = false
        continue
      }
      afterQuote = character == "\""
      result.append(character)
    }
    return result
  }
}
