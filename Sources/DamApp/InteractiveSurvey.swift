import DamTraining
import DamUI
import Dispatch

/// The initialization explorer's surveys (`I`), computed on a copy of a session's trainer on a
/// background queue, apart from the range test and overfit check (which may run meanwhile). The
/// outcome comes back as an `InputEvent` that the main loop collects each turn with `takeEvents`.
/// Only the newest survey asked for reports; an older one still running is dropped.
final class InteractiveSurvey {
  private let queue = DispatchQueue(label: "dam-tui.initialization-survey", qos: .utility)
  private let events = Locked<[InputEvent]>([])
  /// The number of the newest survey asked for; a survey reports only while it is the newest.
  private let newest = Locked(0)

  /// Surveys the initializers on a copy of `session`'s trainer.
  func start(on session: TrainingSession) {
    let number = newest.withLock { newest in
      newest += 1
      return newest
    }
    let (queue, events, newest) = (queue, events, newest)
    session.copyTrainer { trainer in
      queue.async {
        guard newest.withLock({ $0 }) == number else { return }
        let outcome: InitializationExplorer.Outcome
        do {
          outcome = .surveyed(try InitializationSurvey(trainer: trainer))
        } catch {
          outcome = .failed(String(describing: error))
        }
        let event = InputEvent.initializationSurveyed(outcome, inputs: InitializationExplorer.Inputs(trainer))
        // Checked again: a newer survey asked for meanwhile makes this one stale.
        if newest.withLock({ $0 }) == number { events.withLock { $0.append(event) } }
      }
    }
  }

  /// The events reported since the last call, oldest first.
  func takeEvents() -> [InputEvent] {
    events.withLock { events in
      let taken = events
      events.removeAll()
      return taken
    }
  }
}
