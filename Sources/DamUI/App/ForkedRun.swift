import DamEngine
import DamTraining

/// The second branch after a fork (`f`): a copy of the main run's weights, optimizer state and settings
/// that trains alongside it with its own settings, until `F` keeps one of the two.
public struct ForkedRun: Sendable, Equatable {
  /// The fork's settings, including model changes that wait for its re-initialization.
  public internal(set) var settings: Preset
  /// The model the fork's weights were drawn with.
  public internal(set) var appliedModel: ModelSpec
  /// The session step the fork was made at; nil until its session runs.
  public internal(set) var startStep: Int?

  /// A fork of a run with `settings` whose weights were drawn with `appliedModel`.
  public init(settings: Preset, appliedModel: ModelSpec) {
    self.settings = settings
    self.appliedModel = appliedModel
  }
}
