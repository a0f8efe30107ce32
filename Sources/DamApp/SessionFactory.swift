import DamTraining

/// How the controller starts training sessions: the one started with the program, the ones a preset load
/// starts, and forks. The executable uses the defaults; tests may publish snapshots more often.
public struct SessionFactory: Sendable {
  /// The shortest time between two snapshots of a running session, in seconds.
  public var publishInterval: Double
  /// Whether a session pauses at its preset's `run.steps` for the lesson's end (`--no-stop` turns it off;
  /// so does the preset's `run.stop_at_end = false`).
  public var stopsAtEnd: Bool

  /// A factory whose sessions publish at most once per `publishInterval` seconds while running and pause
  /// at the end of the lesson when `stopsAtEnd`.
  public init(publishInterval: Double = 1.0 / 30, stopsAtEnd: Bool = true) {
    self.publishInterval = publishInterval
    self.stopsAtEnd = stopsAtEnd
  }

  /// Starts training `trainer` at once at `speed`; every applied command goes to `onApplied`, and the
  /// session's commands, evaluations and stop to `log`.
  func start(
    _ trainer: Trainer, speed: TrainingSpeed, log: SessionLog,
    onApplied: @escaping @Sendable (RecordedCommand) -> Void
  ) -> TrainingSession {
    let preset = trainer.preset
    return TrainingSession(
      trainer: trainer, speed: speed, pauseAtStep: stopsAtEnd && preset.run.stopAtEnd ? preset.run.steps : nil,
      publishInterval: publishInterval, onApplied: onApplied, observer: log)
  }

  /// Asks `main` (followed by `log`) for a fork, paused or running, handed to `receive` with its own log
  /// on `main`'s queue.
  func fork(
    _ main: TrainingSession, log: SessionLog, paused: Bool,
    receive: @escaping @Sendable (TrainingSession, SessionLog) -> Void
  ) {
    let forkLog = Locked<SessionLog?>(nil)
    main.fork(
      paused: paused, publishInterval: publishInterval,
      observing: { trainer in
        let made = log.fork(at: trainer)
        forkLog.withLock { $0 = made }
        return made
      },
      receive: { session in receive(session, forkLog.withLock { $0! }) })
  }
}
