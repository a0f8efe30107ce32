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

  let queue = DispatchQueue(label: "dam-tui.exploration", qos: .utility)
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

  func start() -> Job {
    cancel()
    let job = Job(events: events)
    current = job
    return job
  }

  /// One experiment: reports its events unless cancelled.
  final class Job: Sendable {
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
        case (.rangeTestProgress, .rangeTestProgress), (.overfitCheckProgress, .overfitCheckProgress),
          (.landscapeProgress, .landscapeProgress):
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

    func runLandscape(_ kind: LandscapeKind, trainer: Trainer, branches: (a: Trainer, b: Trainer)?, threads: Int) {
      let cancellation = LandscapeCancellation()
      let lastReport = Atomic<UInt64>(0)
      do {
        let result = try LandscapeResult.compute(
          kind, trainer: trainer, branches: branches, threads: threads, cancellation: cancellation
        ) { done, total in
          if self.isCancelled { cancellation.cancel() }
          let now = DispatchTime.now().uptimeNanoseconds
          let last = lastReport.load(ordering: .relaxed)
          guard now - last >= InteractiveExploration.reportInterval || done == total,
            lastReport.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
          else { return }
          self.report(.landscapeProgress(done: done, total: total))
        }
        if let result { report(.landscapeFinished(result)) }
      } catch {
        report(.landscapeFailed(error.message))
      }
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

extension InteractiveExploration {
  /// Starts computing the landscape of `kind` on a copy of `session`'s trainer; for a line of a forked run,
  /// `branches` (A, B) add the line between the two branches' weights.
  func startLandscape(
    _ kind: LandscapeKind, on session: TrainingSession, branches: (a: TrainingSession, b: TrainingSession)?
  ) {
    let job = start()
    let queue = queue
    let threads = ThreadSetting.auto.count(headless: false)
    let run: @Sendable (Trainer, (a: Trainer, b: Trainer)?) -> Void = { trainer, pair in
      queue.async { job.runLandscape(kind, trainer: trainer, branches: pair, threads: threads) }
    }
    session.copyTrainer { trainer in
      guard kind == .line, let branches else { return run(trainer, nil) }
      branches.a.copyTrainer { a in branches.b.copyTrainer { b in run(trainer, (a, b)) } }
    }
  }
}
