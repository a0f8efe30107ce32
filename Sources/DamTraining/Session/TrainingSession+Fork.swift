extension TrainingSession {
  /// Hands a copy of the session's trainer (weights, optimizer state, generator, batch order, history and
  /// settings as they are between two steps, after the commands sent before) to `receive`, on the
  /// training queue. The session goes on untouched: `Trainer` is a value whose copy shares memory only
  /// until one of the two changes it. `receive` must be quick (hand the copy to another queue to work on
  /// it); it is never called once the session has stopped.
  public func copyTrainer(_ receive: @escaping @Sendable (Trainer) -> Void) {
    readTrainer { trainer, _ in receive(trainer) }
  }

  /// Forks the run: a second session that trains a copy of this one's trainer (see `copyTrainer`) on its
  /// own queue, alongside this one, from the same step with the same settings and speed; commands sent
  /// to either session change only that one. The fork pauses by itself at the step this session still
  /// pauses at (a lesson's end, when it has not been reached), so both branches stop there together. The
  /// new session is passed to `receive` on this session's queue.
  /// - Parameters:
  ///   - paused: start the fork paused instead of running.
  ///   - publishInterval: the fork's shortest time between two snapshots while running, in seconds.
  ///   - onApplied: called on the fork's queue with every command the fork applies.
  ///   - observing: called on this session's queue with the copy, before the fork starts: the fork's
  ///     observer (its run log), if any.
  ///   - receive: takes the running fork.
  public func fork(
    paused: Bool = false, publishInterval: Double = 1.0 / 30,
    onApplied: @escaping @Sendable (RecordedCommand) -> Void = { _ in },
    observing: @escaping @Sendable (Trainer) -> (any TrainingObserver)? = { _ in nil },
    receive: @escaping @Sendable (TrainingSession) -> Void
  ) {
    readTrainer { trainer, pauseStep in
      receive(
        TrainingSession(
          trainer: trainer, paused: paused, speed: self.speed, pauseAtStep: pauseStep,
          publishInterval: publishInterval, onApplied: onApplied, observer: observing(trainer)))
    }
  }
}
