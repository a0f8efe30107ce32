/// One sampled value of a trial: `section.key=value`, exactly as `dam-tui train --set` takes it, so the
/// trial can be run again by hand with the same bits.
public struct SweepSetting: Sendable, Equatable {
  /// `section.key`.
  public let key: String
  /// The value as written on the command line (`0.001234`, `he-normal`, `[16, 16]`).
  public let text: String
  /// The parsed override.
  let override: PresetOverride

  /// The setting `key=text`.
  /// - Throws: `PresetError` when `key=text` is not a well-formed `--set` argument.
  init(key: String, text: String) throws(PresetError) {
    self.key = key
    self.text = text
    override = try PresetOverride(parsing: "\(key)=\(text)")
  }

  /// `section.key=value`, the argument of `--set`.
  public var argument: String { "\(key)=\(text)" }

  /// The value as TOML reads it (a number, a string, an array...).
  var value: PresetValue { override.value }
}
