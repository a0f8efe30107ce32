import DamData
import DamEngine

/// Our own validation pass over a parsed TOML table: every key known, every value of the right type and
/// in range, `--set` overrides applied on top. Collects every problem rather than stopping at the first.
struct PresetDecoder {
  /// How the file is named in diagnostics.
  let file: String
  /// Lines of the keys in the file's text, if there is text.
  let locator: KeyLocator?
  /// The folder relative paths in the file are resolved against.
  let baseDirectory: String?
  /// The folder relative paths in overrides are resolved against.
  let currentDirectory: String

  private enum Origin {
    case file
    case override(String)
  }

  private struct Entry {
    let field: PresetField
    let value: PresetValue
    let origin: Origin
  }

  /// The preset described by `table` with `overrides` applied.
  /// - Throws: `PresetError` listing every unknown key, wrong type, out-of-range value and unknown name.
  func decode(
    _ table: [String: PresetValue], overrides: [PresetOverride], name: String, source: PresetSource
  ) throws(PresetError) -> Preset {
    var diagnostics: [PresetDiagnostic] = []
    var entries: [String: Entry] = [:]
    for (path, value) in flatten(table, diagnostics: &diagnostics) {
      guard let field = PresetSchema.field(path.section, path.key) else {
        diagnostics.append(fileDiagnostic(path.segments, unknownKeyMessage(path.key, in: path.section)))
        continue
      }
      entries[field.path] = Entry(field: field, value: value, origin: .file)
    }
    for override in overrides {
      switch resolve(override.path) {
      case .success(let field):
        entries[field.path] = Entry(field: field, value: override.value, origin: .override(override.argument))
      case .failure(let problem):
        diagnostics.append(PresetDiagnostic(file: file, override: override.argument, message: problem.message))
      }
    }
    var preset = Preset(name: name, source: source)
    for field in PresetSchema.fields {
      guard let entry = entries[field.path] else { continue }
      let base: String? =
        switch entry.origin {
        case .file: baseDirectory
        case .override: currentDirectory
        }
      do {
        try field.read(entry.value, &preset, FieldContext(key: field.path, baseDirectory: base))
      } catch {
        diagnostics.append(diagnostic(for: entry, error.message))
      }
    }
    diagnostics += crossChecks(preset, entries: entries)
    guard diagnostics.isEmpty else { throw PresetError(sorted(diagnostics)) }
    return preset
  }

  // MARK: - Structure

  private struct KeyName {
    let section: PresetSection
    let key: String
    var segments: [String] { section == .top ? [key] : [section.rawValue, key] }
  }

  /// The file's values by section and key; misplaced tables and non-table sections become diagnostics.
  private func flatten(_ table: [String: PresetValue], diagnostics: inout [PresetDiagnostic]) -> [(
    KeyName, PresetValue
  )] {
    var result: [(KeyName, PresetValue)] = []
    for (key, value) in table {
      let section = PresetSection(rawValue: key)
      guard let section, section != .top else {
        result.append((KeyName(section: .top, key: key), value))
        continue
      }
      guard case .table(let keys) = value else {
        diagnostics.append(
          fileDiagnostic(
            [key],
            "\(key) = \(value.tomlText) has the wrong type: expected the table [\(key)], got \(value.typeDescription)"))
        continue
      }
      for (name, inner) in keys { result.append((KeyName(section: section, key: name), inner)) }
    }
    return result
  }

  private func resolve(_ path: [String]) -> Result<PresetField, FieldProblem> {
    if path.count == 1 {
      if let field = PresetSchema.field(.top, path[0]) { return .success(field) }
      if PresetSection(rawValue: path[0]) != nil {
        return .failure(
          FieldProblem(message: "\"\(path[0])\" is a table: set one of its keys, as \(path[0]).key=value"))
      }
      return .failure(FieldProblem(message: unknownKeyMessage(path[0], in: .top)))
    }
    guard let section = PresetSection(rawValue: path[0]), section != .top else {
      let sections = PresetSection.allCases.filter { $0 != .top }.map(\.rawValue)
      return .failure(
        FieldProblem(
          message: "unknown table \"\(path[0])\": expected one of \(sections.joined(separator: ", "))."
            + EditDistance.suggestion(for: path[0], among: sections)))
    }
    guard let field = PresetSchema.field(section, path[1]) else {
      return .failure(FieldProblem(message: unknownKeyMessage(path[1], in: section)))
    }
    return .success(field)
  }

  /// "unknown key ... in [x]" with where the key really belongs, or the closest name and the allowed ones.
  private func unknownKeyMessage(_ key: String, in section: PresetSection) -> String {
    let place = section == .top ? "at the top level" : "in [\(section.rawValue)]"
    if let home = PresetSchema.fields.first(where: { $0.name == key && $0.section != section }) {
      let target = home.section == .top ? "at the top level, before any [table]" : "in [\(home.section.rawValue)]"
      return "unknown key \"\(key)\" \(place): it belongs \(target)"
    }
    let keys = PresetSchema.names(in: section)
    let tables = section == .top ? PresetSection.allCases.filter { $0 != .top }.map(\.rawValue) : []
    let allowed = keys + tables.map { "[\($0)]" }
    let suggestion = EditDistance.suggestion(for: key, among: keys + tables)
    return "unknown key \"\(key)\" \(place).\(suggestion) Allowed: \(allowed.joined(separator: ", "))"
  }

  // MARK: - Checks across keys

  private func crossChecks(_ preset: Preset, entries: [String: Entry]) -> [PresetDiagnostic] {
    var diagnostics: [PresetDiagnostic] = []
    let initializer = preset.model.initializer
    if initializer.kind == .normal || initializer.kind == .uniform, initializer.value <= 0,
      let entry = entries["model.init_value"] ?? entries["model.init"]
    {
      let role = initializer.kind == .normal ? "the standard deviation" : "the half-width"
      diagnostics.append(
        diagnostic(
          for: entry,
          "model.init_value = \(TOMLText.float(initializer.value)) is out of range: with init = \"\(initializer.kind.rawValue)\" "
            + "it is \(role), so expected a number in (0, 1000]"))
    }
    if preset.model.batchNorm, !preset.model.hidden.isEmpty, preset.training.batchSize < 2,
      let entry = entries["training.batch_size"] ?? entries["model.batch_norm"]
    {
      diagnostics.append(
        diagnostic(
          for: entry,
          "training.batch_size = \(preset.training.batchSize) is out of range: with model.batch_norm = true "
            + "expected at least 2 (batch normalization normalizes over the batch)"))
    }
    if preset.data.dataset == .csv, let entry = entries["data.dataset"] {
      for (key, value) in [("path", preset.data.path), ("target", preset.data.target)] where value == nil {
        diagnostics.append(
          diagnostic(for: entry, "data.dataset = \"csv\" needs data.\(key) (the CSV file and its target column)"))
      }
    }
    return diagnostics
  }

  // MARK: - Diagnostics

  private func diagnostic(for entry: Entry, _ message: String) -> PresetDiagnostic {
    switch entry.origin {
    case .file:
      return fileDiagnostic(
        entry.field.section == .top ? [entry.field.name] : [entry.field.section.rawValue, entry.field.name], message)
    case .override(let argument):
      return PresetDiagnostic(file: file, key: entry.field.path, override: argument, message: message)
    }
  }

  private func fileDiagnostic(_ segments: [String], _ message: String) -> PresetDiagnostic {
    PresetDiagnostic(
      file: file, line: locator?.line(of: segments), key: segments.joined(separator: "."), message: message)
  }

  /// File problems by line, then override problems in argument order.
  private func sorted(_ diagnostics: [PresetDiagnostic]) -> [PresetDiagnostic] {
    diagnostics.enumerated().sorted { a, b in
      let keyA = (a.element.override == nil ? 0 : 1, a.element.line ?? Int.max, a.offset)
      let keyB = (b.element.override == nil ? 0 : 1, b.element.line ?? Int.max, b.offset)
      return keyA < keyB
    }.map(\.element)
  }
}
