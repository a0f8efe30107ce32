/// The keys whose values differ between two presets, with both values as written in a preset file: the
/// text of change markers ("lr 0.1 -> 0.01") and the list of settings still pending.
struct SettingsDiff: Equatable {
  /// One changed key.
  struct Change: Equatable {
    /// `section.key`, or the key alone at the top level.
    var key: String
    /// The old value as TOML (`nil` when it was unset).
    var oldValue: String?
    /// The new value as TOML (`nil` when it is now unset).
    var newValue: String?
  }

  /// Every changed key, in preset-file order.
  let changes: [Change]

  /// Compares every key of `old` and `new` (title and description are left out).
  init(from old: Preset, to new: Preset) {
    let before = Self.values(Self.settingsText(old))
    let after = Self.values(Self.settingsText(new))
    var keys = before.map(\.key)
    for (key, _) in after where !keys.contains(key) { keys.append(key) }
    let beforeTable = Dictionary(before, uniquingKeysWith: { first, _ in first })
    let afterTable = Dictionary(after, uniquingKeysWith: { first, _ in first })
    changes = keys.filter { beforeTable[$0] != afterTable[$0] }.map {
      Change(key: $0, oldValue: beforeTable[$0], newValue: afterTable[$0])
    }
  }

  /// Whether nothing changed.
  var isEmpty: Bool { changes.isEmpty }

  /// "lr 0.1 -> 0.01, l2 0 -> 0.001".
  var summary: String {
    changes.map { "\(Self.shortName($0.key)) \($0.oldValue ?? "unset") -> \($0.newValue ?? "unset")" }
      .joined(separator: ", ")
  }

  /// The name shown on markers: the key without its section, `lr` for the learning rate.
  static func shortName(_ key: String) -> String {
    let name = key.split(separator: ".").last.map(String.init) ?? key
    return name == "learning_rate" ? "lr" : name
  }

  /// The preset's TOML without its title and description (which may span lines).
  private static func settingsText(_ preset: Preset) -> String {
    var settings = preset
    settings.title = ""
    settings.description = ""
    return settings.tomlText
  }

  /// `section.key` and value text of every `key = value` line of a preset's TOML text.
  private static func values(_ text: String) -> [(key: String, value: String)] {
    var section = ""
    var result: [(key: String, value: String)] = []
    for line in text.split(separator: "\n") {
      if line.hasPrefix("[") && line.hasSuffix("]") {
        section = String(line.dropFirst().dropLast())
      } else if let separator = line.range(of: " = ") {
        let key = String(line[..<separator.lowerBound])
        result.append((section.isEmpty ? key : "\(section).\(key)", String(line[separator.upperBound...])))
      }
    }
    return result
  }
}
