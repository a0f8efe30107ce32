import DamTraining

/// How the controller starts training sessions: the one started with the program, the ones a preset load
/// starts, and forks. The executable uses the defaults; tests may publish snapshots more often.
public struct SessionFactory: Sendable {
  /// The shortest time between two snapshots of a running session, in seconds.
  public var publishInterval: Double

  /// A factory whose sessions publish at most once per `publishInterval` seconds while running.
  public init(publishInterval: Double = 1.0 / 30) {
    self.publishInterval = publishInterval
  }

  /// Starts training `trainer` at once at `speed`; every applied command goes to `onApplied`.
  func start(
    _ trainer: Trainer, speed: TrainingSpeed, onApplied: @escaping @Sendable (RecordedCommand) -> Void
  ) -> TrainingSession {
    TrainingSession(trainer: trainer, speed: speed, publishInterval: publishInterval, onApplied: onApplied)
  }

  /// Asks `main` for a fork, paused or running, handed to `receive` on `main`'s queue.
  func fork(_ main: TrainingSession, paused: Bool, receive: @escaping @Sendable (TrainingSession) -> Void) {
    main.fork(paused: paused, publishInterval: publishInterval, receive: receive)
  }
}
