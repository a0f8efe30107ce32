/// Reading and writing presets as TOML.
extension Preset {
  /// The preset as a TOML document: every key (unset optional keys are left out), in the stable order of
  /// `presets/README.md`. Loading the text back gives identical settings.
  public var tomlText: String {
    var lines: [String] = []
    for section in PresetSection.allCases {
      let fields = PresetSchema.fields.filter { $0.section == section }
      let written = fields.compactMap { field -> String? in
        guard let value = field.write(self) else { return nil }
        let text: String =
          if case .string(let string) = value { TOMLText.string(string) } else { value.tomlText }
        return "\(field.name) = \(text)"
      }
      // A table with nothing written (an absent [lesson]) is left out.
      guard section == .top || !written.isEmpty else { continue }
      if section != .top { lines += ["", "[\(section.rawValue)]"] }
      lines += written
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the preset to `path` as `OutputTarget` does: a symlink's target, a device or FIFO in place, a
  /// regular file atomically (temporary file, fsync, then link or rename, fsync of the folder), keeping an
  /// existing file's mode.
  /// - Parameter overwrite: Replace an existing file; by default an existing file is an error.
  /// - Throws: `PresetError` naming `path`.
  public func save(to path: String, overwrite: Bool = false) throws(PresetError) {
    do {
      try OutputTarget(path, allowsStandardOutput: false).write(Array(tomlText.utf8), overwrite: overwrite)
    } catch {
      throw PresetError(file: path, message: error.message)
    }
  }

  /// Reads the preset file at `path` (relative to `currentDirectory`) and applies `overrides`.
  ///
  /// The preset's name is the file name without `.toml`. A relative `data.path` is resolved against the
  /// file's folder, a relative path given with `--set` against `currentDirectory` (default: the process's
  /// working directory); both become absolute so
  /// a saved copy works from anywhere.
  /// - Throws: `PresetError` naming the file (and line, key, override) of every problem.
  public static func load(
    path: String, overrides: [PresetOverride] = [], currentDirectory: String? = nil
  ) throws(PresetError) -> Preset {
    let currentDirectory = currentDirectory ?? FilePath.currentDirectory()
    let bytes = try FileBytes.contents(
      of: FilePath.absolute(path, in: currentDirectory), shownAs: path, limit: TOMLReader.maximumSize)
    let folder = FilePath.absolute(FilePath.directory(of: path), in: currentDirectory)
    return try parse(
      bytes, name: FilePath.presetName(of: path), source: .file(path: path), file: path, baseDirectory: folder,
      overrides: overrides, currentDirectory: currentDirectory)
  }

  /// Parses TOML bytes.
  /// - Parameters:
  ///   - name: The preset's name.
  ///   - source: Where the bytes came from.
  ///   - file: How to name the document in diagnostics.
  ///   - baseDirectory: The folder relative `data.path` values are resolved against (nil: left as written).
  ///   - overrides: `--set` settings applied on top.
  ///   - currentDirectory: The folder relative paths in overrides are resolved against (default: the
  ///     process's working directory).
  /// - Throws: `PresetError` listing every problem.
  public static func parse(
    _ bytes: [UInt8], name: String, source: PresetSource, file: String, baseDirectory: String? = nil,
    overrides: [PresetOverride] = [], currentDirectory: String? = nil
  ) throws(PresetError) -> Preset {
    let (table, locator) = try TOMLReader.parse(bytes, file: file)
    let decoder = PresetDecoder(
      file: file, locator: locator, baseDirectory: baseDirectory,
      currentDirectory: currentDirectory ?? FilePath.currentDirectory())
    return try decoder.decode(table, overrides: overrides, name: name, source: source)
  }

  /// This preset with `overrides` applied and validated exactly as in a file.
  /// - Throws: `PresetError` naming each offending override.
  public func applying(
    _ overrides: [PresetOverride], currentDirectory: String? = nil
  ) throws(PresetError) -> Preset {
    let decoder = PresetDecoder(
      file: source.displayName, locator: nil, baseDirectory: nil,
      currentDirectory: currentDirectory ?? FilePath.currentDirectory())
    return try decoder.decode(tomlTable, overrides: overrides, name: name, source: source)
  }

  /// Every written key as a TOML table.
  private var tomlTable: [String: PresetValue] {
    var table: [String: PresetValue] = [:]
    for section in PresetSection.allCases {
      var keys: [String: PresetValue] = [:]
      for field in PresetSchema.fields where field.section == section {
        guard let value = field.write(self) else { continue }
        if section == .top { table[field.name] = value } else { keys[field.name] = value }
      }
      if section != .top { table[section.rawValue] = .table(keys) }
    }
    return table
  }
}
