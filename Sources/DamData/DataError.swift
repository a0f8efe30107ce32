/// Why data could not be loaded or prepared. Each description is a complete sentence for the user;
/// CSV problems start with `file:line:column:` so editors and terminals can jump to them.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A `[data]` value outside its allowed range.
  case invalidParameter(name: String, value: String, allowed: String)
  /// `dataset = "csv"` without the `path` or `target` key.
  case missingKey(name: String)
  /// The CSV file does not exist.
  case fileNotFound(path: String)
  /// The CSV file exists but could not be read.
  case unreadableFile(path: String, reason: String)
  /// The CSV file has no header row.
  case emptyFile(path: String)
  /// The CSV file has a header but no data rows.
  case noDataRows(path: String)
  /// A malformed or unexpected field; `line` and `column` are 1-based (column counts characters).
  case malformedField(path: String, line: Int, column: Int, message: String)
  /// A row with a different number of fields than the header.
  case wrongFieldCount(path: String, line: Int, expected: Int, found: Int)
  /// A named column (target or feature) that is not in the header.
  case unknownColumn(path: String, role: String, name: String, available: [String])
  /// The header names the same column twice.
  case duplicateColumn(path: String, name: String)
  /// A classification target with more distinct labels than `CSVTable.maximumClassCount`.
  case tooManyClasses(path: String, target: String, count: Int, examples: [String])
  /// A classification target with fewer than two classes.
  case tooFewClasses(path: String, target: String, classes: [String])

  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let allowed):
      return "data.\(name) = \(value) is out of range; allowed: \(allowed)"
    case .missingKey(let name):
      return "dataset \"csv\" needs data.\(name)"
    case .fileNotFound(let path):
      return "\(path): no such file"
    case .unreadableFile(let path, let reason):
      return "\(path): cannot read the file: \(reason)"
    case .emptyFile(let path):
      return "\(path):1:1: the file is empty; expected a header row of column names"
    case .noDataRows(let path):
      return "\(path):2:1: no data rows after the header"
    case .malformedField(let path, let line, let column, let message):
      return "\(path):\(line):\(column): \(message)"
    case .wrongFieldCount(let path, let line, let expected, let found):
      return "\(path):\(line):1: expected \(expected) fields as in the header, found \(found)"
    case .unknownColumn(let path, let role, let name, let available):
      let list = available.map { "\"\($0)\"" }.joined(separator: ", ")
      return "\(path):1:1: no \(role) column named \"\(name)\"; the columns are \(list)"
    case .duplicateColumn(let path, let name):
      return "\(path):1:1: the header names column \"\(name)\" more than once"
    case .tooManyClasses(let path, let target, let count, let examples):
      let list = examples.map { "\"\($0)\"" }.joined(separator: ", ")
      return "\(path): target column \"\(target)\" has \(count) distinct labels (such as \(list)); classification"
        + " allows at most \(CSVTable.maximumClassCount); a numeric target must hold only numbers"
    case .tooFewClasses(let path, let target, let classes):
      let list = classes.map { "\"\($0)\"" }.joined(separator: ", ")
      return "\(path): target column \"\(target)\" has fewer than two classes (\(list)); classification needs two"
    }
  }
}
