import Testing

@testable import DamTraining

@Suite("Evaluation schedule")
struct EvaluationScheduleTests {
  @Test("Validation is due every run.eval_every steps while it costs under a tenth of the training time")
  func everyNSteps() {
    var schedule = EvaluationSchedule()
    schedule.evaluated(cost: 1_000)
    for _ in 0..<4 { schedule.stepTaken(samples: 32, nanoseconds: 10_000) }
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
    var schedule = EvaluationSchedule()
    schedule.evaluated(cost: 90_000)
    for _ in 0..<80 { schedule.stepTaken(samples: 32, nanoseconds: 10_000) }
    #expect(!schedule.isDue(every: 5))
    schedule.stepTaken(samples: 32, nanoseconds: 10_000)
    #expect(schedule.isDue(every: 5))
  }

  @Test("Between paced steps the idle time counts toward the budget, but not toward the throughput")
  func idleTimeCounts() {
    var schedule = EvaluationSchedule()
    schedule.evaluated(cost: 900_000)
    for _ in 0..<5 {
      schedule.stepTaken(samples: 32, nanoseconds: 10_000)
      schedule.waited(nanoseconds: 5_000_000)
    }
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
