import DamData
import DamTraining

/// The initialization explorer (`I`): what its survey was computed from, and the survey once it is in.
///
/// The survey runs in the background on a copy of the edited branch's trainer each time the explorer
/// opens, and again while it is open whenever the model in force, the data or the batch size change
/// (a re-initialization with another architecture, a new dataset).
public struct InitializationExplorer: Sendable, Equatable {
  /// What a survey depends on: the run's model, data and batch size.
  public struct Inputs: Sendable, Equatable {
    /// The model the weights were drawn with.
    public var model: ModelSpec
    /// The data settings.
    public var data: DataSpec
    /// The batch the survey probes is this many samples.
    public var batchSize: Int

    /// The inputs of `snapshot`'s run.
    public init(_ snapshot: Snapshot) {
      model = snapshot.modelInForce
      data = snapshot.preset.data
      batchSize = snapshot.preset.training.batchSize
    }

    /// The inputs of `trainer`'s run (the same as those of its snapshots).
    public init(_ trainer: Trainer) {
      model = trainer.active.model
      data = trainer.preset.data
      batchSize = trainer.preset.training.batchSize
    }
  }

  /// The result of one survey.
  public enum Outcome: Sendable, Equatable {
    /// The survey.
    case surveyed(InitializationSurvey)
    /// Why the survey could not run.
    case failed(String)
  }

  /// The inputs of the newest survey; nil before the first answers.
  public var inputs: Inputs?
  /// The newest survey's outcome; nil while the first one is computing.
  public var outcome: Outcome?
  /// Whether a survey asked for has not answered yet.
  public var isComputing = true

  /// An explorer whose first survey was just asked for.
  public init() {}
}
