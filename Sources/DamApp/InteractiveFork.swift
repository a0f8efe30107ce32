import DamTraining

/// The fork's training session (`f`): asked of the main session, which hands it over from its own queue;
/// commands for the fork wait until it arrives. The main loop picks it up with `takeArrival`.
///
/// The copy the fork trains has every command sent to the main session before `f` and none sent after
/// (`TrainingSession.copyTrainer`), so a change made just after `f` to either branch reaches that branch
/// only; the fork's own commands are followed with their sequence numbers as the main session's are.
final class InteractiveFork {
  private let arrival = Locked<(session: TrainingSession, log: SessionLog)?>(nil)
  private var queued: [Command] = []
  /// The fork's session, once it arrived.
  private(set) var session: TrainingSession?
  /// The fork's run directory (`SessionLog.fork(at:)`), once it arrived.
  private(set) var log: SessionLog?
  /// The commands sent to the fork and not acknowledged yet, and the last snapshot followed.
  var follower = SessionFollower()

  /// Asks `main` for a fork, paused or running, through `sessions`.
  init(of main: InteractiveSession, paused: Bool, sessions: SessionFactory) {
    let arrival = arrival
    sessions.fork(main.session, log: main.log, paused: paused) { fork, log in arrival.withLock { $0 = (fork, log) } }
  }

  /// Sends `command` to the fork, or keeps it until the fork arrives.
  func send(_ command: Command) {
    if let session { follower.sent(command, sequence: session.send(command)) } else { queued.append(command) }
  }

  /// The fork's session if it arrived since the last call, with the commands kept for it sent.
  func takeArrival() -> TrainingSession? {
    guard session == nil, let (fork, log) = arrival.withLock({ $0 }) else { return nil }
    session = fork
    self.log = log
    for command in queued { send(command) }
    queued = []
    return fork
  }

  /// Stops the fork's session (one that arrives later too, once the main session has stopped) and waits.
  func stop() {
    _ = takeArrival()
    session?.stopAndWait()
  }
}
