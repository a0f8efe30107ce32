import DamData
import Dispatch

/// Runs a sweep: random search over the plan's space with successive halving, `jobs` trials at a time.
///
/// Each trial is one `Trainer` driven by `HeadlessRun`, exactly as `dam-tui train` drives it; a trial
/// that makes the cut continues from its weights to the next rung's step count, which gives the same bits
/// as training that many steps from the start (evaluation draws no random numbers). The outcome depends
/// only on the plan, never on `jobs` or timing: rungs are synchronous and the cut is made in a fixed order.
public struct SweepRunner: Sendable {
  /// What to run.
  public let plan: SweepPlan
  /// Trials trained at once (one thread each).
  public let jobs: Int
  /// Where each trial's run directory goes, if anywhere.
  public let logs: (any TrialLogs)?

  /// A runner of `plan` on `jobs` threads (at least 1), each trial followed by `logs`.
  public init(plan: SweepPlan, jobs: Int, logs: (any TrialLogs)? = nil) {
    precondition(jobs >= 1, "jobs must be at least 1")
    self.plan = plan
    self.jobs = jobs
    self.logs = logs
  }

  /// Runs every rung, or until `shouldStop` returns true (polled every step by every trial).
  ///
  /// `onEvent` is called from the worker threads as well as the calling one, so it must be thread-safe;
  /// `trialFinished` events come only from the calling thread.
  /// - Returns: every trial, in trial order, with its final state. After a stop, trials that finished at
  ///   least one run are `stopped` with that run's numbers; the others keep `steps` 0.
  public func run(
    shouldStop: @escaping @Sendable () -> Bool = { false }, onEvent: @escaping @Sendable (SweepEvent) -> Void = { _ in }
  ) -> [TrialResult] {
    let settings = plan.trialSettings
    var results = settings.indices.map { TrialResult(trial: $0, settings: settings[$0]) }
    var presets: [Int: Preset] = [:]
    var alive: [Int] = []
    for trial in results.indices {
      do {
        presets[trial] = try plan.preset(for: settings[trial])
        alive.append(trial)
        onEvent(.trialUpdated(results[trial]))
      } catch {
        results[trial].status = .failed
        results[trial].error = error.description
        onEvent(.trialFinished(results[trial]))
      }
    }
    let trainers = Locked<[Int: Trainer]>([:])
    let prepared = Self.sharedData(alive.map { presets[$0]! })
    let rungs = plan.schedule.rungs
    var stopped = false
    for (index, rung) in rungs.enumerated() where !alive.isEmpty {
      onEvent(.rungStarted(index: index, rung: rung))
      let work = RungWork(
        trials: alive, steps: rung.steps, presets: presets, prepared: prepared, results: results,
        trainers: trainers, logs: logs, shouldStop: shouldStop, onEvent: onEvent)
      for (trial, result) in work.run(jobs: jobs) { results[trial] = result }
      stopped = shouldStop()
      if stopped { break }
      let cut = index + 1 < rungs.count ? rungs[index + 1].trials : 0
      let ranked = alive.filter { results[$0].status == .waiting }.map { results[$0] }.sorted(
        by: TrialResult.ranksBefore)
      let promoted = Set(ranked.prefix(cut).map(\.trial))
      for trial in alive where results[trial].status == .waiting {
        results[trial].status = index + 1 == rungs.count ? .completed : promoted.contains(trial) ? .queued : .pruned
      }
      for trial in alive {
        if results[trial].status.isFinal {
          trainers.withLock { _ = $0.removeValue(forKey: trial) }
          logs?.trialEnded(trial: trial, steps: results[trial].steps)
          onEvent(.trialFinished(results[trial]))
        } else {
          onEvent(.trialUpdated(results[trial]))
        }
      }
      alive = alive.filter { promoted.contains($0) }
    }
    if stopped {
      for trial in results.indices where !results[trial].status.isFinal {
        results[trial].status = .stopped
        logs?.trialEnded(trial: trial, steps: results[trial].steps)
        if results[trial].steps > 0 { onEvent(.trialFinished(results[trial])) }
      }
    }
    return results
  }

  /// Each distinct data spec of `presets` prepared once (trials share `run.seed`, so trials that do not vary a
  /// `data.*` key share one split). Preparing the digits for every trial was about a third of the CPU time
  /// of a sweep of 81 one-step trials. A spec that fails is left out; its trials report the failure.
  static func sharedData(_ presets: [Preset]) -> [DataKey: PreparedData] {
    var prepared: [DataKey: PreparedData] = [:]
    for preset in presets {
      let key = DataKey(spec: preset.data, seed: preset.run.seed)
      guard prepared[key] == nil, let data = try? Trainer.prepareData(preset) else { continue }
      prepared[key] = data
    }
    return prepared
  }

  /// What prepared data depends on.
  struct DataKey: Hashable, Sendable {
    let spec: DataSpec
    let seed: UInt64
  }
}

/// One rung: its trials handed out to worker threads one at a time, in trial order.
private final class RungWork: Sendable {
  let trials: [Int]
  let steps: Int
  let presets: [Int: Preset]
  let prepared: [SweepRunner.DataKey: PreparedData]
  let startingResults: [TrialResult]
  let trainers: Locked<[Int: Trainer]>
  let logs: (any TrialLogs)?
  let shouldStop: @Sendable () -> Bool
  let onEvent: @Sendable (SweepEvent) -> Void
  private let next = Locked(0)
  private let finished = Locked<[Int: TrialResult]>([:])

  init(
    trials: [Int], steps: Int, presets: [Int: Preset], prepared: [SweepRunner.DataKey: PreparedData],
    results: [TrialResult], trainers: Locked<[Int: Trainer]>, logs: (any TrialLogs)?,
    shouldStop: @escaping @Sendable () -> Bool, onEvent: @escaping @Sendable (SweepEvent) -> Void
  ) {
    self.trials = trials
    self.steps = steps
    self.presets = presets
    self.prepared = prepared
    startingResults = results
    self.trainers = trainers
    self.logs = logs
    self.shouldStop = shouldStop
    self.onEvent = onEvent
  }

  /// Trains every trial of the rung on `jobs` threads and returns the new results by trial.
  func run(jobs: Int) -> [Int: TrialResult] {
    let group = DispatchGroup()
    for _ in 0..<min(jobs, trials.count) {
      DispatchQueue.global().async(group: group) { self.work() }
    }
    group.wait()
    return finished.withLock { $0 }
  }

  /// Takes trials until none is left or the sweep stops.
  private func work() {
    while !shouldStop() {
      let position = next.withLock { position in
        defer { position += 1 }
        return position
      }
      guard position < trials.count else { return }
      let trial = trials[position]
      let result = train(trial)
      finished.withLock { $0[trial] = result }
      if !result.status.isFinal || result.status == .failed || result.status == .diverged {
        onEvent(.trialUpdated(result))
      }
    }
  }

  /// Trains `trial` to the rung's step count, continuing from its weights when it trained before.
  private func train(_ trial: Int) -> TrialResult {
    var result = startingResults[trial]
    result.status = .running
    onEvent(.trialUpdated(result))
    let kept = trainers.withLock { $0.removeValue(forKey: trial) }
    do throws(SessionError) {
      let trainer: Trainer
      if let kept {
        trainer = kept
      } else {
        let preset = presets[trial]!
        trainer = try Trainer(
          preset: preset, prepared: prepared[SweepRunner.DataKey(spec: preset.data, seed: preset.run.seed)])
      }
      var run = HeadlessRun(trainer: trainer, steps: steps)
      let (outcome, last, _) = try run.run(
        afterEvaluation: { self.logs?.evaluated(trial: trial, trainer: $0) }, shouldStop: shouldStop)
      logs?.evaluated(trial: trial, trainer: run.trainer)
      logs?.rungEnded(trial: trial, trainer: run.trainer, outcome: outcome)
      switch outcome.status {
      case .stopped:
        return startingResults[trial]
      case .completed:
        result.status = .waiting
        trainers.withLock { $0[trial] = run.trainer }
      case .diverged:
        result.status = .diverged
      }
      result.steps = last.step
      result.validationLoss = last.validationLoss
      result.validationAccuracy = last.validationAccuracy
    } catch {
      result.status = .failed
      result.error = error.message
    }
    return result
  }

}
