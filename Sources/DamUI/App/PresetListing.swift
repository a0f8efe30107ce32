import DamTraining

/// One preset as the picker lists it: the name to load and the words that say what it teaches.
public struct PresetListing: Sendable, Hashable {
  /// The name passed to `Effect.loadPreset`.
  public var name: String
  /// The preset's one-line title.
  public var title: String
  /// What to watch and which key fixes it; may span several lines.
  public var description: String

  /// Creates a listing.
  public init(name: String, title: String, description: String) {
    self.name = name
    self.title = title
    self.description = description
  }

  /// The listing of a loaded preset.
  public init(_ preset: Preset) {
    self.init(name: preset.name, title: preset.title, description: preset.description)
  }
}
