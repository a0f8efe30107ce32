#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds presets by path or by name.
///
/// A reference containing `/` or ending in `.toml` is a path (relative to `currentDirectory`). Any other
/// reference is a name, looked up as `<name>.toml` in, first to last:
/// 1. `presets/` in the current directory,
/// 2. `$XDG_CONFIG_HOME/dam-tui/presets` (`$HOME/.config/dam-tui/presets` when the variable is unset),
/// 3. the presets built into the program (copies of the shipped `presets/*.toml`).
public struct PresetLibrary: Sendable {
  /// The folder `presets/` and relative paths are taken from.
  public var currentDirectory: String
  /// The environment (`XDG_CONFIG_HOME`, `HOME`).
  public var environment: [String: String]
  /// Built-in presets: name to TOML text.
  public var builtIns: [String: String]

  /// A library for the given folder and environment; by default the process's own, and the presets
  /// compiled into the program.
  public init(currentDirectory: String? = nil, environment: [String: String]? = nil, builtIns: [String: String]? = nil)
  {
    self.currentDirectory = currentDirectory ?? FilePath.currentDirectory()
    self.environment = environment ?? Self.processEnvironment()
    self.builtIns = builtIns ?? Dictionary(uniqueKeysWithValues: BuiltInPresets.files.map { ($0.name, $0.text) })
  }

  /// The folders searched for `<name>.toml`, in order.
  public var searchDirectories: [String] {
    let configHome: String? =
      if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { xdg } else {
        environment["HOME"].map { FilePath.resolve(".config", against: $0) }
      }
    return [FilePath.resolve("presets", against: currentDirectory)]
      + (configHome.map { [FilePath.resolve("dam-tui/presets", against: $0)] } ?? [])
  }

  /// Whether `reference` is taken as a file path rather than a name.
  public static func isPath(_ reference: String) -> Bool {
    reference.contains("/") || reference.hasSuffix(".toml")
  }

  /// The preset `reference` names or points at, with `overrides` applied.
  /// - Throws: `PresetError`: a missing file, an unknown name (with the closest known one), or any
  ///   problem in the preset.
  public func resolve(_ reference: String, overrides: [PresetOverride] = []) throws(PresetError) -> Preset {
    if Self.isPath(reference) {
      return try Preset.load(path: reference, overrides: overrides, currentDirectory: currentDirectory)
    }
    for directory in searchDirectories {
      let path = FilePath.resolve(reference + ".toml", against: directory)
      if FileBytes.isRegularFile(path) {
        return try Preset.load(path: path, overrides: overrides, currentDirectory: currentDirectory)
      }
    }
    if let text = builtIns[reference] {
      return try Preset.parse(
        Array(text.utf8), name: reference, source: .builtIn, file: "built-in preset \"\(reference)\"",
        overrides: overrides, currentDirectory: currentDirectory)
    }
    let known = entries().map(\.name)
    let folders = searchDirectories.joined(separator: ", ")
    throw PresetError(
      file: reference,
      message: "no preset of that name in \(folders) or among the built-in presets."
        + EditDistance.suggestion(for: reference, among: known) + " Known: \(known.joined(separator: ", "))")
  }

  /// One preset found by `entries()`.
  public struct Entry: Sendable, Equatable {
    /// The name to pass to `resolve`.
    public var name: String
    /// Where it is found first (the one `resolve` picks).
    public var source: PresetSource
  }

  /// Every preset `resolve` can find by name, sorted by name; a name found in several places is listed
  /// once, from the place that wins.
  public func entries() -> [Entry] {
    var found: [String: Entry] = [:]
    for directory in searchDirectories {
      for file in FileBytes.directoryEntries(directory).sorted() where file.hasSuffix(".toml") {
        let name = FilePath.presetName(of: file)
        let path = FilePath.resolve(file, against: directory)
        if found[name] == nil, !name.isEmpty, FileBytes.isRegularFile(path) {
          found[name] = Entry(name: name, source: .file(path: path))
        }
      }
    }
    for name in builtIns.keys where found[name] == nil { found[name] = Entry(name: name, source: .builtIn) }
    return found.values.sorted { $0.name < $1.name }
  }

  private static func processEnvironment() -> [String: String] {
    var environment: [String: String] = [:]
    for name in ["XDG_CONFIG_HOME", "HOME"] {
      if let value = getenv(name) {
        environment[name] = String(
          decoding: Array(UnsafeRawBufferPointer(start: value, count: strlen(value))), as: UTF8.self)
      }
    }
    return environment
  }
}
