import DamTraining

/// The fork's training session (`f`): asked of the main session, which hands it over from its own queue;
/// commands for the fork wait until it arrives. The main loop picks it up with `takeArrival`.
final class InteractiveFork {
  private let arrival = Locked<TrainingSession?>(nil)
  private var queued: [Command] = []
  /// The fork's session, once it arrived.
  private(set) var session: TrainingSession?

  /// Asks `main` for a fork, paused or running.
  init(of main: TrainingSession, paused: Bool) {
    let arrival = arrival
    main.fork(paused: paused) { fork in arrival.withLock { $0 = fork } }
  }

  /// Sends `command` to the fork, or keeps it until the fork arrives.
  func send(_ command: Command) {
    if let session { session.send(command) } else { queued.append(command) }
  }

  /// The fork's session if it arrived since the last call, with the commands kept for it sent.
  func takeArrival() -> TrainingSession? {
    guard session == nil, let fork = arrival.withLock({ $0 }) else { return nil }
    session = fork
    for command in queued { fork.send(command) }
    queued = []
    return fork
  }

  /// Stops the fork's session (one that arrives later too, once the main session has stopped) and waits.
  func stop() {
    _ = takeArrival()
    session?.stopAndWait()
  }
}
