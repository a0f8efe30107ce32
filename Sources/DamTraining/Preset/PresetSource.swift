/// Where a preset was read from.
public enum PresetSource: Sendable, Equatable, Hashable {
  /// A TOML file on disk, by the path it was opened with.
  case file(path: String)
  /// A preset compiled into the program (generated from `presets/*.toml`).
  case builtIn

  /// How the source is shown to people: the path, or "built-in".
  public var displayName: String {
    switch self {
    case .file(let path): return path
    case .builtIn: return "built-in"
    }
  }
}
