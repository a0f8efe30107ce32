import DamData
import DamEngine

/// One key of a preset: where it lives, how its value is checked and stored, and how it is written back.
struct PresetField: Sendable {
  /// The table holding the key.
  let section: PresetSection
  /// The key's name within its table.
  let name: String
  /// Checks `value` and stores it into the preset.
  let read: @Sendable (PresetValue, inout Preset, FieldContext) throws(FieldProblem) -> Void
  /// The value to save, or nil to leave the key out (an unset optional).
  let write: @Sendable (Preset) -> PresetValue?

  /// `section.name`, or just `name` at the top level.
  var path: String { section == .top ? name : "\(section.rawValue).\(name)" }
}

/// What a field reader knows besides the value: the key's full name and how to resolve relative paths.
struct FieldContext: Sendable {
  /// `section.name` of the key being read.
  let key: String
  /// The folder relative file paths are resolved against (the preset's folder, or the current directory
  /// for `--set`); nil leaves them as written.
  let baseDirectory: String?
}

/// A value that does not fit its key: the complete message, naming the key and what is allowed.
struct FieldProblem: Error, Sendable {
  let message: String
}
