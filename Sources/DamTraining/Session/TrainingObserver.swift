/// What a `TrainingSession` reports as it trains, called on its queue in order with the trainer as it is
/// then: a run log follows a session through it without the screen's thread doing any of the work.
public protocol TrainingObserver: Sendable {
  /// A command the session applied, with the step it took effect at.
  func applied(_ entry: RecordedCommand)
  /// An evaluation just made: `trainer.lastEvaluation` and `trainer.findings` are its results, and
  /// `trainer.network` the weights evaluated.
  func evaluated(_ trainer: Trainer)
  /// The session stopped (its `stop` was applied); `trainer` is the run as it ends.
  func stopped(_ trainer: Trainer)
}
