import Dispatch
import Synchronization

/// A live training session: a `Trainer` stepping on its own serial Dispatch queue, taking commands at
/// any moment from any thread and publishing immutable snapshots.
///
/// Commands are applied only between two steps, in the order they were sent; each applied command is
/// passed to `onApplied` with the step it took effect at (for `--record`). A refused command is not
/// applied and its reason appears in `snapshot.message`. Every command sent gets the next sequence number
/// (from 1), and each snapshot says the last one the session has acknowledged (applied or refused), so a
/// reader knows exactly which of its commands the snapshot reflects. Snapshots are published at most once per
/// `publishInterval` while running, after every command, and before each wait for a paced step. Validation
/// runs every `run.eval_every` steps, but never more often than keeps its cost under a tenth of the time
/// spent training or idle between paced steps. The data panel's views (decision map, confusion matrix) are
/// refreshed with a publication when the weights changed, at most four times a second and within 3% of the
/// time while running. On a non-finite loss or gradient the session pauses itself with status `diverged`.
/// Under a speed limit (`speed`) the queue waits between steps, still taking commands at once.
public final class TrainingSession: Sendable {
  private let queue = DispatchQueue(label: "dam-tui.training", qos: .userInitiated)
  private let inbox = Locked(SessionInbox())
  private let pendingCommands = Atomic<Int>(0)
  private let speedLimit: Atomic<Int>
  private let wake = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private let latest: Locked<Snapshot>
  private let publishNanoseconds: UInt64
  private let onApplied: @Sendable (RecordedCommand) -> Void
  private let observer: (any TrainingObserver)?

  /// Starts training `trainer` at once (or paused) on the session's queue.
  /// - Parameters:
  ///   - trainer: the trainer to drive; the session owns it from now on.
  ///   - paused: start paused instead of running.
  ///   - speed: the most steps per second; `setSpeed` changes it.
  ///   - pauseAtStep: pause by itself (evaluating first) the first time the step reaches this, e.g. at a
  ///     lesson's end; `resume` then trains on without stopping there again.
  ///   - publishInterval: the shortest time between two snapshots while running, in seconds.
  ///   - onApplied: called on the training queue with every applied command.
  ///   - observer: told on the training queue of every applied command, every evaluation and the stop.
  public init(
    trainer: Trainer, paused: Bool = false, speed: TrainingSpeed = .maximum, pauseAtStep: Int? = nil,
    publishInterval: Double = 1.0 / 30, onApplied: @escaping @Sendable (RecordedCommand) -> Void = { _ in },
    observer: (any TrainingObserver)? = nil
  ) {
    speedLimit = Atomic(speed.storedLimit)
    publishNanoseconds = UInt64(max(publishInterval, 0) * 1e9)
    self.onApplied = onApplied
    self.observer = observer
    latest = Locked(Self.snapshot(of: trainer, version: 0, status: paused ? .paused : .running, rate: 0, message: nil))
    queue.async { [self] in
      var loop = Loop(trainer: trainer, running: !paused, pauseAt: pauseAtStep)
      run(&loop)
      finished.signal()
    }
  }

  /// The newest snapshot.
  public var snapshot: Snapshot { latest.withLock { $0 } }

  /// The most steps per second.
  public var speed: TrainingSpeed { TrainingSpeed(storedLimit: speedLimit.load(ordering: .relaxed)) }

  /// Changes the speed limit from the next step on. Not a `Command`: it changes when steps happen, not
  /// what they compute, so it is neither recorded nor replayed.
  public func setSpeed(_ speed: TrainingSpeed) {
    speedLimit.store(speed.storedLimit, ordering: .relaxed)
    wake.signal()
  }

  /// Queues `command`; it applies before the next step.
  /// - Returns: the command's sequence number; `snapshot.lastAcknowledged` reaches it once the session has
  ///   applied (or refused) the command.
  @discardableResult
  public func send(_ command: Command) -> Int {
    let sequence = inbox.withLock { $0.append(command) }
    pendingCommands.add(1, ordering: .releasing)
    wake.signal()
    return sequence
  }

  /// Calls `read` on the training queue between two steps, after the commands sent before and before the
  /// ones sent after, with the trainer as it is then (a value: `read` may keep it, e.g. to fork the run).
  /// Never called once stopped. `read` also gets the step the session still pauses at by itself (a
  /// lesson's end), nil when none is pending.
  func readTrainer(_ read: @escaping @Sendable (Trainer, Int?) -> Void) {
    inbox.withLock { $0.append(read) }
    pendingCommands.add(1, ordering: .releasing)
    wake.signal()
  }

  /// Sends `stop` and waits until the queue has finished.
  public func stopAndWait() {
    send(.stop)
    finished.wait()
    finished.signal()
  }

  /// The state of the loop, owned by the training queue.
  private struct Loop {
    var trainer: Trainer
    var running: Bool
    var pauseAt: Int?
    var stepsLeft: Int?
    var stopped = false
    var message: String?
    var lastAcknowledged = 0
    var version = 0
    var lastPublish = DispatchTime.now().uptimeNanoseconds
    var samplesSincePublish = 0
    var rate = 0.0
    var evaluations = EvaluationSchedule()
    var decisionMap: DecisionMap?
    var confusion: ConfusionCounts?
    var viewsStale = true
    var lastViews: UInt64 = 0
    var viewsCost: UInt64 = 0
    var pacer = StepPacer()
  }

  /// The shortest time between two refreshes of the data views while running.
  private static let viewsInterval: UInt64 = 250_000_000

  private func run(_ loop: inout Loop) {
    if !loop.running {
      evaluate(&loop)
      publish(&loop, now: DispatchTime.now().uptimeNanoseconds)
    }
    while !loop.stopped {
      var changed = false
      if pendingCommands.load(ordering: .acquiring) > 0 { changed = applyCommands(&loop) }
      if changed { loop.viewsStale = true }
      if loop.stopped { break }
      if loop.trainer.needsEvaluation || loop.evaluations.isDue(every: loop.trainer.preset.run.evalEvery) {
        evaluate(&loop)
      }
      if loop.running {
        let started = DispatchTime.now().uptimeNanoseconds
        if let delay = loop.pacer.delay(at: started, speed: speed) {
          if changed || loop.samplesSincePublish > 0 { publish(&loop, now: started) }
          _ = wake.wait(timeout: .now() + .nanoseconds(Int(delay)))
          loop.evaluations.waited(nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
          continue
        }
        // A step that will be evaluated also measures its layers, as headless runs do: a lesson evaluated
        // every step shows every step's gradient norms, not one step in `Trainer.metricsInterval`.
        let evaluated = (loop.trainer.step + 1) % loop.trainer.preset.run.evalEvery == 0
        let batch = loop.trainer.trainStep(measuringLayers: evaluated)
        loop.pacer.stepTaken()
        let now = DispatchTime.now().uptimeNanoseconds
        let samples = min(loop.trainer.network.hyperparameters.batchSize, loop.trainer.data.train.count)
        loop.evaluations.stepTaken(samples: samples, nanoseconds: now - started)
        loop.samplesSincePublish += samples
        loop.viewsStale = true
        if !batch.isFinite {
          loop.running = false
          evaluate(&loop)
          changed = true
        }
        if let end = loop.pauseAt, loop.trainer.step >= end, loop.running {
          loop.running = false
          loop.pauseAt = nil
          loop.stepsLeft = nil
          evaluate(&loop)
          changed = true
        }
        if let left = loop.stepsLeft {
          loop.stepsLeft = left - 1
          if left <= 1 {
            loop.running = false
            loop.stepsLeft = nil
            changed = true
          }
        }
        if changed || now - loop.lastPublish >= publishNanoseconds { publish(&loop, now: now) }
      } else {
        loop.pacer.reset()
        if changed { publish(&loop, now: DispatchTime.now().uptimeNanoseconds) }
        _ = wake.wait(timeout: .now() + .milliseconds(250))
      }
    }
    observer?.stopped(loop.trainer)
    publish(&loop, now: DispatchTime.now().uptimeNanoseconds)
  }

  /// Applies the commands and runs the trainer readers queued since the last call, in the order sent.
  private func applyCommands(_ loop: inout Loop) -> Bool {
    let entries = inbox.withLock { $0.takeAll() }
    pendingCommands.subtract(entries.count, ordering: .releasing)
    var changed = false
    for entry in entries {
      switch entry {
      case .read(let read):
        if !loop.stopped { read(loop.trainer, loop.pauseAt) }
      case .command(let sequence, let command):
        loop.lastAcknowledged = sequence
        changed = true
        if !loop.stopped { apply(command, to: &loop) }
      }
    }
    return changed
  }

  /// Applies one command between two steps; a refused one leaves its reason in `loop.message`.
  private func apply(_ command: Command, to loop: inout Loop) {
    do {
      switch command {
      case .pause:
        loop.running = false
      case .resume:
        loop.running = true
        loop.stepsLeft = nil
      case .step(let count):
        loop.running = count > 0
        loop.stepsLeft = count > 0 ? count : nil
      case .stop:
        loop.stopped = true
      case .set, .reinitialize, .resetToPreset, .rewind:
        try loop.trainer.apply(command)
      }
      loop.message = nil
      let entry = RecordedCommand(step: loop.trainer.step, command: command)
      onApplied(entry)
      observer?.applied(entry)
    } catch {
      loop.message = error.message
    }
  }

  private func evaluate(_ loop: inout Loop) {
    let started = DispatchTime.now().uptimeNanoseconds
    loop.trainer.evaluate(samplesPerSecond: loop.evaluations.samplesPerSecond)
    loop.evaluations.evaluated(cost: DispatchTime.now().uptimeNanoseconds - started)
    observer?.evaluated(loop.trainer)
  }

  /// Recomputes the decision map and confusion matrix when the weights changed since, unless running
  /// and they were refreshed under `viewsInterval` ago or their cost would exceed 3% of the time since.
  private func refreshViews(_ loop: inout Loop, now: UInt64) {
    let elapsed = now - loop.lastViews
    guard loop.viewsStale, !loop.running || (elapsed >= Self.viewsInterval && elapsed >= 33 * loop.viewsCost)
    else { return }
    loop.decisionMap = loop.trainer.decisionMap()
    loop.confusion = loop.trainer.confusionCounts()
    loop.viewsStale = false
    loop.lastViews = DispatchTime.now().uptimeNanoseconds
    loop.viewsCost = loop.lastViews - now
  }

  private func publish(_ loop: inout Loop, now: UInt64) {
    refreshViews(&loop, now: now)
    let elapsed = Double(now - loop.lastPublish) / 1e9
    loop.rate = loop.running && elapsed > 0 ? Double(loop.samplesSincePublish) / elapsed : 0
    loop.lastPublish = now
    loop.samplesSincePublish = 0
    loop.version += 1
    let status: Snapshot.Status =
      loop.stopped ? .stopped : loop.trainer.diverged && !loop.running ? .diverged : loop.running ? .running : .paused
    let snapshot = Self.snapshot(
      of: loop.trainer, version: loop.version, status: status, rate: loop.rate, message: loop.message,
      lastAcknowledged: loop.lastAcknowledged, decisionMap: loop.decisionMap, confusion: loop.confusion)
    latest.withLock { $0 = snapshot }
  }

  private static func snapshot(
    of trainer: Trainer, version: Int, status: Snapshot.Status, rate: Double, message: String?,
    lastAcknowledged: Int = 0, decisionMap: DecisionMap? = nil, confusion: ConfusionCounts? = nil
  ) -> Snapshot {
    Snapshot(
      version: version, status: status, step: trainer.step, epoch: trainer.epoch, learningRate: trainer.learningRate,
      samplesPerSecond: rate, batchLoss: trainer.lastBatchLoss, evaluation: trainer.lastEvaluation,
      layers: trainer.layerMetrics, findings: trainer.findings, history: trainer.history,
      preset: trainer.preset, modelInForce: trainer.active.model, pendingKeys: trainer.pendingKeys,
      bestValidation: trainer.best, message: message, lastAcknowledged: lastAcknowledged, decisionMap: decisionMap,
      confusion: confusion, weights: WeightMatrix.layers(of: trainer.network))
  }
}
