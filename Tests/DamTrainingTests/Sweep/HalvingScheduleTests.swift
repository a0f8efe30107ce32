import Testing

@testable import DamTraining

@Suite("Successive halving: rung sizes and step counts")
struct HalvingScheduleTests {
  private func rungs(_ trials: Int, _ budget: Int) -> [[Int]] {
    HalvingSchedule(trials: trials, budget: budget).rungs.map { [$0.trials, $0.steps] }
  }

  @Test("The best third go on to three times the steps; the last rung trains the full budget")
  func examples() {
    #expect(rungs(16, 900) == [[16, 300], [5, 900]])
    #expect(rungs(27, 900) == [[27, 100], [9, 300], [3, 900]])
    #expect(rungs(81, 1000) == [[81, 37], [27, 111], [9, 333], [3, 1000]])
    #expect(rungs(8, 90) == [[8, 30], [2, 90]])
  }

  @Test("Halving stops before a rung would hold fewer than two trials")
  func lastRungHoldsTwo() {
    #expect(rungs(5, 900) == [[5, 900]])
    #expect(rungs(6, 900) == [[6, 300], [2, 900]])
    #expect(rungs(1, 10) == [[1, 10]])
  }

  @Test("A small budget allows fewer halvings: no rung trains less than one step")
  func smallBudget() {
    #expect(rungs(81, 8) == [[81, 2], [27, 8]])
    #expect(rungs(81, 2) == [[81, 2]])
  }
}
