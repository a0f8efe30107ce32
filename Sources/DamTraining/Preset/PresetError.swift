/// One problem found in a preset: where it is and what is wrong, in words that say what is allowed.
public struct PresetDiagnostic: Sendable, Equatable, CustomStringConvertible {
  /// The file as given (or `built-in preset "name"`).
  public var file: String
  /// 1-based line of the offending key or syntax error, when known.
  public var line: Int?
  /// 1-based column, for syntax errors.
  public var column: Int?
  /// The offending key as `section.key` (`title` at the top level), or the section name.
  public var key: String?
  /// The `--set` argument the value came from, when it did not come from the file.
  public var override: String?
  /// What is wrong and what is allowed.
  public var message: String

  /// Creates a diagnostic.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, override: String? = nil,
    message: String
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.key = key
    self.override = override
    self.message = message
  }

  /// `file:line:column: message`, or `--set k=v: message (in file)` for an override.
  public var description: String {
    if let override { return "--set \(override): \(message)" + (file.isEmpty ? "" : " (in \(file))") }
    var location = file
    if let line { location += ":\(line)" }
    if let column { location += ":\(column)" }
    return "\(location): \(message)"
  }
}

/// Why a preset could not be loaded, parsed, validated or saved: one or more diagnostics.
public struct PresetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Every problem found, in file order (syntax and file errors stop at the first).
  public var diagnostics: [PresetDiagnostic]

  /// Creates an error from its diagnostics.
  public init(_ diagnostics: [PresetDiagnostic]) {
    self.diagnostics = diagnostics
  }

  /// A single-problem error.
  public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, message: String) {
    self.init([PresetDiagnostic(file: file, line: line, column: column, key: key, message: message)])
  }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
