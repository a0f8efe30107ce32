import Foundation
import Testing

@testable import DamTraining

@Suite("Sweep runner: successive halving, reproducible, interruptible")
struct SweepRunnerTests {
  @Test("Rungs prune to the best third; survivors complete the budget; the outcome does not depend on jobs")
  func halvingAndJobs() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 7, budget: 30)
    let serial = SweepRunner(plan: plan, jobs: 1).run()
    let parallel = SweepRunner(plan: plan, jobs: 3).run()
    #expect(serial == parallel)
    let completed = serial.filter { $0.status == .completed }
    let pruned = serial.filter { $0.status == .pruned }
    #expect(completed.count == 2 && completed.allSatisfy { $0.steps == 30 })
    #expect(pruned.count == 5 && pruned.allSatisfy { $0.steps == 10 })
    let worstSurvivor = completed.map { $0.rungLoss(in: plan) }.max()!
    #expect(pruned.allSatisfy { $0.validationLoss! >= worstSurvivor }, "the survivors had the best rung-0 losses")
  }

  @Test("A survivor's numbers equal a fresh run of its preset for the full budget (as dam-tui train)")
  func continuingEqualsFreshRun() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 6, budget: 24)
    let winner = try #require(SweepRunner(plan: plan, jobs: 2).run().first { $0.status == .completed })
    var run = HeadlessRun(trainer: try Trainer(preset: try plan.preset(for: winner.settings)), steps: 24)
    let fresh = try run.run()
    #expect(fresh.last.validationLoss == winner.validationLoss)
    #expect(fresh.last.validationAccuracy == winner.validationAccuracy)
  }

  @Test("Data is prepared once per distinct data spec and equals what each trial would prepare itself")
  func sharedData() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 6, budget: 9)
    let presets = try plan.trialSettings.map { try plan.preset(for: $0) }
    let shared = SweepRunner.sharedData(presets)
    #expect(shared.count == 1)
    #expect(shared.values.first == (try Trainer.prepareData(presets[0])))
    let noisy = try presets.map { try $0.applying([try PresetOverride(parsing: "data.noise=0.2")]) }
    #expect(SweepRunner.sharedData(presets + noisy).count == 2)
  }

  @Test("Finished trials are reported once each, in trial order within a rung")
  func finishedEvents() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 6, budget: 9)
    let finished = Locked<[Int]>([])
    let results = SweepRunner(plan: plan, jobs: 2).run(onEvent: { event in
      if case .trialFinished(let result) = event { finished.withLock { $0.append(result.trial) } }
    })
    let order = finished.withLock { $0 }
    #expect(order.sorted() == Array(0..<6))
    let pruned = results.filter { $0.status == .pruned }.map(\.trial)
    #expect(Array(order.prefix(pruned.count)) == pruned)
  }

  @Test("A stop keeps finished runs as stopped and reports no trial that never finished a run")
  func stop() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 6, budget: 300)
    let rungsStarted = Locked(0)
    let results = SweepRunner(plan: plan, jobs: 1).run(
      shouldStop: { rungsStarted.withLock { $0 } > 1 },
      onEvent: { event in
        if case .rungStarted = event { rungsStarted.withLock { $0 += 1 } }
      })
    #expect(results.allSatisfy { $0.status == .stopped || $0.status == .pruned })
    #expect(results.filter { $0.status == .stopped }.count == 2)
    #expect(results.allSatisfy { $0.steps == 100 })
  }

  @Test("A trial whose session cannot start fails alone, with the reason; the others still run")
  func failedTrial() throws {
    let folder = NSTemporaryDirectory() + "dam-sweep-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let csv = folder + "/points.csv"
    let rows = (0..<60).map { "\(Double($0) / 60),\($0 % 2)" }
    try Data((["x,label"] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: csv))
    let base = try SweepTestSupport.preset([
      "data.dataset=csv", "data.path=\(csv)", "data.target=label", "model.hidden=[4]", "training.batch_size=10",
    ])
    let missing = folder + "/missing.csv"
    let space = try SearchSpace(parsing: ["data.path=\(csv),\(missing)"], base: base)
    let plan = SweepPlan(
      base: base, presetReference: "csv", baseOverrides: [], space: space, trials: 4, budget: 3, seed: 2)
    let results = SweepRunner(plan: plan, jobs: 2).run()
    for result in results {
      let broken = result.settings[0].text == missing
      #expect(result.status == (broken ? .failed : .completed))
      #expect((result.error?.contains("missing.csv") ?? false) == broken, "\(result.error ?? "no error")")
    }
    #expect(Set(results.map(\.status)) == [.completed, .failed])
  }
}

extension TrialResult {
  /// The validation loss this trial had at the end of rung 0 (a fresh run to that step).
  fileprivate func rungLoss(in plan: SweepPlan) -> Double {
    var run = HeadlessRun(
      trainer: try! Trainer(preset: try! plan.preset(for: settings)), steps: plan.schedule.rungs[0].steps)
    return try! run.run().last.validationLoss
  }
}
