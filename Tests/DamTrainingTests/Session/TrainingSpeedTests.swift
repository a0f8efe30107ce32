import Testing

@testable import DamTraining

@Suite("Training speed")
struct TrainingSpeedTests {
  @Test("--speed takes max or a whole number of steps per second")
  func parsing() throws {
    #expect(try TrainingSpeed(parsing: "max") == .maximum)
    #expect(try TrainingSpeed(parsing: "MAX") == .maximum)
    #expect(try TrainingSpeed(parsing: "1").stepsPerSecond == 1)
    #expect(try TrainingSpeed(parsing: "750").stepsPerSecond == 750)
    #expect(try TrainingSpeed(parsing: "10000000").stepsPerSecond == 10_000_000)
  }

  @Test("A bad speed names what is allowed", arguments: ["0", "-5", "10000001", "fast", "2.5", ""])
  func badSpeed(text: String) {
    #expect {
      try TrainingSpeed(parsing: text)
    } throws: { error in
      let message = (error as? SessionError)?.message ?? ""
      return message.contains("speed") && message.contains("1 to 10000000") && message.contains("max")
    }
  }

  @Test("> and < walk the 1-2-5 ladder; max is above its top and the bottom holds")
  func ladder() throws {
    let start = TrainingSpeed.interactiveDefault
    #expect(start.stepsPerSecond == 200)
    #expect(start.faster.stepsPerSecond == 500)
    #expect(start.slower.stepsPerSecond == 100)
    #expect(try TrainingSpeed(stepsPerSecond: 100_000).faster == .maximum)
    #expect(TrainingSpeed.maximum.faster == .maximum)
    #expect(TrainingSpeed.maximum.slower.stepsPerSecond == 100_000)
    #expect(try TrainingSpeed(stepsPerSecond: 1).slower.stepsPerSecond == 1)
    // A speed off the ladder (from --speed) moves to the neighbouring rungs.
    #expect(try TrainingSpeed(stepsPerSecond: 3).faster.stepsPerSecond == 5)
    #expect(try TrainingSpeed(stepsPerSecond: 3).slower.stepsPerSecond == 2)
    #expect(try TrainingSpeed(stepsPerSecond: 300_000).slower.stepsPerSecond == 100_000)
    #expect(try TrainingSpeed(stepsPerSecond: 300_000).faster == .maximum)
    // Walking up from the bottom visits every rung once.
    var speed = try TrainingSpeed(stepsPerSecond: 1)
    var visited: [Int] = []
    while let limit = speed.stepsPerSecond {
      visited.append(limit)
      speed = speed.faster
    }
    #expect(visited == TrainingSpeed.ladder)
  }

  @Test("The status bar's words")
  func description() throws {
    #expect(TrainingSpeed.maximum.description == "max speed")
    #expect(try TrainingSpeed(stepsPerSecond: 1).description == "1 step/s")
    #expect(TrainingSpeed.interactiveDefault.description == "200 steps/s")
  }
}

@Suite("Step pacer")
struct StepPacerTests {
  let tenPerSecond = try! TrainingSpeed(stepsPerSecond: 10)

  @Test("Steps are due one interval apart, counted from where the pace started")
  func dueTimes() {
    var pacer = StepPacer()
    #expect(pacer.delay(at: 1_000, speed: tenPerSecond) == nil)
    pacer.stepTaken()
    #expect(pacer.delay(at: 1_000, speed: tenPerSecond) == 100_000_000)
    #expect(pacer.delay(at: 60_001_000, speed: tenPerSecond) == 40_000_000)
    // A wait that overran by 3 ms makes the next wait 3 ms shorter, so the pace does not drift.
    #expect(pacer.delay(at: 103_001_000, speed: tenPerSecond) == nil)
    pacer.stepTaken()
    #expect(pacer.delay(at: 103_001_000, speed: tenPerSecond) == 97_000_000)
  }

  @Test("Without a limit nothing waits")
  func noLimit() {
    var pacer = StepPacer()
    for _ in 0..<5 {
      #expect(pacer.delay(at: 0, speed: .maximum) == nil)
      pacer.stepTaken()
    }
  }

  @Test("Late by more than the catch-up limit, or after a pause or a new speed, the pace starts again")
  func restarts() throws {
    var pacer = StepPacer()
    _ = pacer.delay(at: 0, speed: tenPerSecond)
    pacer.stepTaken()
    // Two seconds late (a slow step): no burst of twenty quick steps, one interval after this one instead.
    #expect(pacer.delay(at: 2_100_000_000, speed: tenPerSecond) == nil)
    pacer.stepTaken()
    #expect(pacer.delay(at: 2_100_000_000, speed: tenPerSecond) == 100_000_000)
    pacer.reset()
    #expect(pacer.delay(at: 2_100_000_000, speed: tenPerSecond) == nil)
    pacer.stepTaken()
    let twoPerSecond = try TrainingSpeed(stepsPerSecond: 2)
    #expect(pacer.delay(at: 2_100_000_000, speed: twoPerSecond) == nil)
    pacer.stepTaken()
    #expect(pacer.delay(at: 2_100_000_000, speed: twoPerSecond) == 500_000_000)
  }
}
