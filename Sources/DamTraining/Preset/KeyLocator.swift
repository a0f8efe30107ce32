/// Finds the line each key of a TOML document is written on (TOMLKit does not report it).
///
/// The scan understands table headers, dotted and quoted keys, comments, every string form and values
/// spanning lines. Line numbers are meaningful for text the parser accepts. A key inside an inline table
/// is reported at the line of the table's own key.
struct KeyLocator: Sendable {
  private var lines: [String: Int] = [:]
  /// The line and column of the first table header whose name does not start with a key character
  /// (`[#`, `[}`), which the C++ parser behind TOMLKit 0.6 asserts on instead of reporting.
  private(set) var malformedHeader: (line: Int, column: Int)?

  /// Scans `text` (any text: the scan is also the guard run before the parser).
  init(text: String) {
    var scanner = Scanner(Array(text.unicodeScalars))
    var table: [String] = []
    while let statementLine = scanner.skipToStatement() {
      if scanner.peek == "[" {
        scanner.advance()
        if scanner.peek == "[" { scanner.advance() }
        scanner.skipSpaces()
        if malformedHeader == nil, let next = scanner.peek, next != "]", next != "\"", next != "'",
          !TOMLText.isBareKeyCharacter(next)
        {
          malformedHeader = (scanner.line, scanner.column)
        }
        table = scanner.readKey()
        record(table, line: statementLine)
        scanner.skipValue()
      } else {
        let key = scanner.readKey()
        if key.isEmpty {
          scanner.skipValue()
          continue
        }
        record(table + key, line: statementLine)
        scanner.skipValue()
      }
    }
  }

  /// The 1-based line of `path` (e.g. `["training", "learning_rate"]`), or of its nearest written
  /// ancestor (an inline table, a header), or nil.
  func line(of path: [String]) -> Int? {
    var path = path
    while !path.isEmpty {
      if let line = lines[Self.joined(path)] { return line }
      path.removeLast()
    }
    return nil
  }

  private mutating func record(_ path: [String], line: Int) {
    let key = Self.joined(path)
    if lines[key] == nil { lines[key] = line }
  }

  private static func joined(_ path: [String]) -> String { path.joined(separator: "\u{1F}") }

  private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0

    /// 1-based column of the next scalar.
    var column: Int { index - lineStart + 1 }

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
      if index < scalars.count, scalars[index] == "\n" {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }

    func starts(with text: String) -> Bool {
      var i = index
      for scalar in text.unicodeScalars {
        guard i < scalars.count, scalars[i] == scalar else { return false }
        i += 1
      }
      return true
    }

    /// Skips blank lines, whitespace and comments; returns the line of the next statement, or nil at the end.
    mutating func skipToStatement() -> Int? {
      while let scalar = peek {
        switch scalar {
        case " ", "\t", "\r", "\n", "\u{FEFF}": advance()
        case "#": skipComment()
        default: return line
        }
      }
      return nil
    }

    mutating func skipComment() {
      while let scalar = peek, scalar != "\n" { advance() }
    }

    mutating func skipSpaces() {
      while let scalar = peek, scalar == " " || scalar == "\t" { advance() }
    }

    /// Reads a (possibly dotted, possibly quoted) key and the `=` or `]` after it.
    mutating func readKey() -> [String] {
      var segments: [String] = []
      while true {
        skipSpaces()
        guard let scalar = peek else { return segments }
        if scalar == "\"" || scalar == "'" {
          segments.append(readQuotedKey(quote: scalar))
        } else {
          var segment = String.UnicodeScalarView()
          while let next = peek, TOMLText.isBareKeyCharacter(next) {
            segment.append(next)
            advance()
          }
          guard !segment.isEmpty else { return segments }
          segments.append(String(segment))
        }
        skipSpaces()
        guard peek == "." else { break }
        advance()
      }
      if peek == "=" || peek == "]" { advance() }
      return segments
    }

    private mutating func readQuotedKey(quote: Unicode.Scalar) -> String {
      advance()
      var segment = String.UnicodeScalarView()
      while let scalar = peek, scalar != quote, scalar != "\n" {
        advance()
        if quote == "\"", scalar == "\\", let escaped = peek {
          advance()
          segment.append(Self.unescaped(escaped))
        } else {
          segment.append(scalar)
        }
      }
      if peek == quote { advance() }
      return String(segment)
    }

    private static func unescaped(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
      switch scalar {
      case "n": return "\n"
      case "t": return "\t"
      case "r": return "\r"
      default: return scalar
      }
    }

    /// Skips the rest of a statement: a value (strings, nested arrays and inline tables may span lines),
    /// a trailing comment, up to and including the newline that ends it.
    mutating func skipValue() {
      var depth = 0
      while let scalar = peek {
        switch scalar {
        case "\"", "'":
          skipString(quote: scalar)
        case "#":
          skipComment()
        case "[", "{":
          depth += 1
          advance()
        case "]", "}":
          depth = max(0, depth - 1)
          advance()
        case "\n":
          advance()
          if depth == 0 { return }
        default:
          advance()
        }
      }
    }

    private mutating func skipString(quote: Unicode.Scalar) {
      let triple = String(repeating: Character(quote), count: 3)
      let multiline = starts(with: triple)
      for _ in 0..<(multiline ? 3 : 1) { advance() }
      while let scalar = peek {
        if scalar == "\\", quote == "\"" {
          advance()
          advance()
          continue
        }
        if multiline {
          if starts(with: triple) {
            for _ in 0..<3 { advance() }
            // Up to two quotes may directly precede the closing delimiter.
            while peek == quote { advance() }
            return
          }
        } else if scalar == quote || scalar == "\n" {
          if scalar == quote { advance() }
          return
        }
        advance()
      }
    }
  }
}
