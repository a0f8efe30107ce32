import DamTraining

/// The training session the screen shows: a `TrainingSession` running on its own queue, the recorder its
/// applied commands go to, its run directory, and the follower that knows which commands sent to it are
/// acknowledged.
final class InteractiveSession {
  /// The running session.
  let session: TrainingSession
  /// The commands sent and not acknowledged yet, and the last snapshot followed.
  var follower = SessionFollower()
  /// The session's run directory.
  let log: SessionLog
  private let recorder: InteractiveRecorder?

  /// Starts training `trainer` at once at `speed` through `sessions`; every applied command goes to
  /// `recorder`, and the run to `log`.
  init(
    trainer: Trainer, speed: TrainingSpeed, recorder: InteractiveRecorder?, log: SessionLog, sessions: SessionFactory
  ) {
    self.recorder = recorder
    self.log = log
    session = sessions.start(trainer, speed: speed, log: log, onApplied: { recorder?.record($0) })
  }

  /// Takes over `session`, already running, without a recording (a fork kept with `F`), with the commands
  /// it has not acknowledged yet and its run directory.
  init(running session: TrainingSession, follower: SessionFollower, log: SessionLog) {
    recorder = nil
    self.session = session
    self.follower = follower
    self.log = log
  }

  /// Sends `command` and notes it as unacknowledged.
  func send(_ command: Command) {
    follower.sent(command, sequence: session.send(command))
  }

  /// Stops the session and waits for its queue; the recording ends with the session's `stop`.
  func stop() {
    session.stopAndWait()
    recorder?.finish()
  }
}
