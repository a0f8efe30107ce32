import DamData
import DamEngine

/// A complete lesson setup: which data, which network, which training settings and how long to run.
///
/// Presets are TOML files (see `presets/README.md` for every key). Load one with
/// `Preset.load(path:overrides:)` or `PresetLibrary.resolve(_:overrides:)`, write one with `save(to:overwrite:)`.
/// Every field has a default, so an empty file is a valid (default) preset.
public struct Preset: Sendable, Equatable, Hashable {
  /// The name used to find the preset: its file name without `.toml`.
  public var name: String
  /// Where it was read from.
  public var source: PresetSource
  /// One line shown in lists and the UI's title bar.
  public var title: String = ""
  /// What to watch and which key fixes it; may span several lines.
  public var description: String = ""
  /// The `[data]` table.
  public var data = DataSpec()
  /// The `[model]` table, except `dropout`.
  public var model = ModelSpec()
  /// The `[training]` table, plus `[model].dropout` and `[model].dropout_per_layer`.
  public var training = Hyperparameters()
  /// The `[run]` table.
  public var run = RunSpec()
  /// The `[lesson]` table: what to try and the goal; empty when absent.
  public var lesson = Lesson()

  /// A preset with every setting at its default.
  public init(name: String, source: PresetSource) {
    self.name = name
    self.source = source
  }
}
