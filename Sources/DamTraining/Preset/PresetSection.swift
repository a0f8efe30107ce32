/// The tables of a preset file, in file order. `top` holds the keys written before the first header.
enum PresetSection: String, CaseIterable, Sendable {
  case top = ""
  case data
  case model
  case training
  case run
  case lesson

  /// `[data]`, or "the top level".
  var displayName: String { self == .top ? "the top level" : "[\(rawValue)]" }
}
