/// One suggested change of a lesson: one or more `section.key = value` settings, optionally followed by a
/// re-initialization, with a one-line reason. Applied as the same commands a key press or `--change` sends,
/// so it is recorded and replayed like any change.
public struct LessonTry: Sendable, Equatable, Hashable {
  /// The settings, each validated exactly as `--set` is.
  public var settings: [PresetOverride]
  /// Whether the weights are drawn again after the settings (`model` keys other than `activation` wait
  /// for it).
  public var reinitialize: Bool
  /// Why to try it, in one line.
  public var reason: String

  /// A try of `settings` (then a re-initialization when `reinitialize`), for `reason`.
  public init(settings: [PresetOverride], reinitialize: Bool = false, reason: String) {
    self.settings = settings
    self.reinitialize = reinitialize
    self.reason = reason
  }

  /// The commands that apply it, in order.
  public var commands: [Command] {
    settings.map { Command.set($0) } + (reinitialize ? [.reinitialize] : [])
  }

  /// The settings as written, joined: "training.learning_rate=0.003, model.init=he-normal (then i)".
  public var summary: String {
    settings.map(\.argument).joined(separator: ", ") + (reinitialize ? " (then i)" : "")
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(settings.map(\.argument))
    hasher.combine(reinitialize)
    hasher.combine(reason)
  }
}
