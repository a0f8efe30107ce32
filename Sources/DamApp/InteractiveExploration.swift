import DamTraining
import DamUI
import Dispatch
import Synchronization

/// Experiments on a copy of a session's weights, run on a background queue so that neither the screen
/// nor the live training waits for them: the learning-rate range test (`L`) and the overfit-one-batch
/// check (`o`). Results come back as
/// `InputEvent`s that the main loop collects each turn with `takeEvents`.
///
/// One experiment runs at a time; starting one or `cancel` stops the one before, whose later results are
/// dropped.
final class InteractiveExploration {
  /// The shortest time between two progress reports, in nanoseconds: about two frames.
  static let reportInterval: UInt64 = 60_000_000

  private let queue = DispatchQueue(label: "dam-tui.exploration", qos: .utility)
  private let events = Locked<[InputEvent]>([])
  private var current: Job?

  /// Starts a range test with `settings` on a copy of `session`'s trainer.
  func startRangeTest(on session: TrainingSession, settings: LearningRateRangeSettings) {
    let job = start()
    let queue = queue
    session.copyTrainer { trainer in
      queue.async { job.runRangeTest(trainer: trainer, settings: settings) }
    }
  }

  /// Starts an overfit-one-batch check with `settings` on a copy of `session`'s trainer.
  func startOverfitCheck(on session: TrainingSession, settings: OverfitOneBatchSettings) {
    let job = start()
    let queue = queue
    session.copyTrainer { trainer in
      queue.async { job.runOverfitCheck(trainer: trainer, settings: settings) }
    }
  }

  /// Stops the running experiment, if any; its results are dropped.
  func cancel() {
    current?.cancel()
    current = nil
    events.withLock { $0.removeAll() }
  }

  /// The events reported since the last call, oldest first.
  func takeEvents() -> [InputEvent] {
    events.withLock { events in
      let taken = events
      events.removeAll()
      return taken
    }
  }

  private func start() -> Job {
    cancel()
    let job = Job(events: events)
    current = job
    return job
  }

  /// One experiment: reports its events unless cancelled.
  private final class Job: Sendable {
    private let events: Locked<[InputEvent]>
    private let cancelled = Atomic<Bool>(false)

    init(events: Locked<[InputEvent]>) {
      self.events = events
    }

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() { cancelled.store(true, ordering: .releasing) }

    /// Adds `event` for the main loop, replacing an unread report of the same kind.
    func report(_ event: InputEvent) {
      events.withLock { events in
        guard !isCancelled else { return }
        switch (events.last, event) {
        case (.rangeTestProgress, .rangeTestProgress), (.overfitCheckProgress, .overfitCheckProgress):
          events.removeLast()
        default: break
        }
        events.append(event)
      }
    }

    func runRangeTest(trainer: Trainer, settings: LearningRateRangeSettings) {
      // The UI asks with `AppState.rangeTestSettings`, whose values its tests validate.
      var test = try! LearningRateRangeTest(trainer: trainer, settings: settings)
      var lastReport: UInt64 = 0
      while !isCancelled, test.advance() != nil {
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastReport >= InteractiveExploration.reportInterval {
          lastReport = now
          report(.rangeTestProgress(test.result))
        }
      }
      report(.rangeTestProgress(test.result))
    }

    func runOverfitCheck(trainer: Trainer, settings: OverfitOneBatchSettings) {
      var running: OverfitOneBatchCheck
      do {
        running = try OverfitOneBatchCheck(trainer: trainer, settings: settings)
      } catch {
        report(.overfitCheckFailed(error.description))
        return
      }
      var lastReport: UInt64 = 0
      while !isCancelled, running.advance() != nil {
        let now = DispatchTime.now().uptimeNanoseconds
        if now - lastReport >= InteractiveExploration.reportInterval {
          lastReport = now
          report(.overfitCheckProgress(running.report))
        }
      }
      report(.overfitCheckProgress(running.report))
    }
  }
}
