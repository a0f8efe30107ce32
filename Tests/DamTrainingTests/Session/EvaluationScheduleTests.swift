import Testing

@testable import DamTraining

@Suite("Evaluation schedule")
struct EvaluationScheduleTests {
  /// A schedule after a validation that took `cost` ns, then `steps` steps of 32 samples and 10 us each.
  private func schedule(afterCost cost: UInt64, steps: Int) -> EvaluationSchedule {
    var schedule = EvaluationSchedule()
    schedule.evaluated(cost: cost)
    for _ in 0..<steps { schedule.stepTaken(samples: 32, nanoseconds: 10_000) }
    return schedule
  }

  @Test("Validation is due every run.eval_every steps while it costs under a tenth of the training time")
  func everyNSteps() {
    var schedule = schedule(afterCost: 1_000, steps: 4)
    #expect(!schedule.isDue(every: 5))
    schedule.stepTaken(samples: 32, nanoseconds: 10_000)
    #expect(schedule.isDue(every: 5))
    #expect(schedule.samplesPerSecond == 160.0 / 50e-6)
    schedule.evaluated(cost: 1_000)
    #expect(schedule.steps == 0)
    #expect(!schedule.isDue(every: 5))
  }

  @Test("At full speed a costly validation waits until nine times its cost was spent training")
  func costBudget() {
    var schedule = schedule(afterCost: 90_000, steps: 80)
    #expect(!schedule.isDue(every: 5))
    schedule.stepTaken(samples: 32, nanoseconds: 10_000)
    #expect(schedule.isDue(every: 5))
  }

  @Test("Between paced steps the idle time counts toward the budget, but not toward the throughput")
  func idleTimeCounts() {
    var schedule = schedule(afterCost: 900_000, steps: 5)
    #expect(!schedule.isDue(every: 5))
    for _ in 0..<5 { schedule.waited(nanoseconds: 5_000_000) }
    #expect(schedule.isDue(every: 5))
    #expect(schedule.samplesPerSecond == 160.0 / 50e-6)
  }

  @Test("Before any training the throughput is 0 and the first validation is not held back")
  func start() {
    var schedule = EvaluationSchedule()
    #expect(schedule.samplesPerSecond == 0)
    schedule.stepTaken(samples: 1, nanoseconds: 1)
    #expect(schedule.isDue(every: 1))
  }
}
