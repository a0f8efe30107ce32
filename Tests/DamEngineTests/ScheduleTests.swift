import DamEngine
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Learning-rate schedules against their formulas, and their use by training.
struct ScheduleTests {
  private func rate(_ schedule: LearningRateSchedule, step: Int) -> Double {
    var h = Hyperparameters()
    h.learningRate = 0.2
    h.schedule = schedule
    h.decayRate = 0.5
    h.decaySteps = 10
    return h.learningRate(atStep: step)
  }

  @Test("Each schedule follows its formula")
  func formulas() {
    #expect(rate(.constant, step: 37) == 0.2)
    #expect(rate(.step, step: 9) == 0.2)
    #expect(rate(.step, step: 10) == 0.1)
    #expect(rate(.step, step: 25) == 0.05)
    #expect(abs(rate(.exponential, step: 5) - 0.2 * pow(0.5, 0.5)) < 1e-15)
    #expect(abs(rate(.inverseTime, step: 20) - 0.2 / 2) < 1e-15)
    #expect(abs(rate(.cosine, step: 5) - 0.1) < 1e-15)
    #expect(rate(.cosine, step: 10) == 0)
    #expect(rate(.cosine, step: 1000) == 0)
  }

  @Test("Training reports and uses the scheduled learning rate")
  func trainingUsesSchedule() throws {
    var h = Hyperparameters()
    h.optimizer = .sgd
    h.learningRate = 0.2
    h.schedule = .step
    h.decayRate = 0.5
    h.decaySteps = 2
    let architecture = NetworkArchitecture(inputs: 2, hidden: [3], activation: .tanh, head: .binary)
    var network = try Network<Double>(architecture: architecture, hyperparameters: h, seed: 1)
    let inputs: [Double] = TestData.inputs(count: 4, width: 2, seed: 2)
    let targets: [Double] = [0, 1, 1, 0]
    let rates = try (0..<5).map { _ in try network.trainStep(inputs: inputs, targets: targets, count: 4).learningRate }
    #expect(rates == [0.2, 0.2, 0.1, 0.1, 0.05])
  }
}
