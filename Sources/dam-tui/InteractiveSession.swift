import DamTraining

/// The training session the screen shows: a `TrainingSession` started at once on its own queue, and the
/// recorder its applied commands go to.
final class InteractiveSession {
  /// The running session.
  let session: TrainingSession
  private let recorder: InteractiveRecorder?

  /// Starts training `trainer` at once at `speed`; every applied command goes to `recorder`.
  init(trainer: Trainer, speed: TrainingSpeed, recorder: InteractiveRecorder?) {
    self.recorder = recorder
    session = TrainingSession(trainer: trainer, speed: speed, onApplied: { recorder?.record($0) })
  }

  /// Takes over `session`, already running, without a recording (a fork kept with `F`).
  init(running session: TrainingSession) {
    recorder = nil
    self.session = session
  }

  /// Stops the session and waits for its queue; the recording ends with the session's `stop`.
  func stop() {
    session.stopAndWait()
    recorder?.finish()
  }
}
