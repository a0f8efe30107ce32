import DamEngine
import Foundation
import Testing

@testable import DamTraining

@Suite("Learning-rate range test")
struct LearningRateRangeTestTests {
  private func trainer(_ overrides: [String] = []) throws -> Trainer {
    try Trainer(
      preset: try Preset(name: "test", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) }))
  }

  @Test("The learning rate grows by the same factor every step, from start to end")
  func geometricSweep() throws {
    let settings = LearningRateRangeSettings(startLearningRate: 1e-6, endLearningRate: 1e-3, steps: 31)
    var test = try LearningRateRangeTest(trainer: try trainer(), settings: settings)
    let result = test.run()
    #expect(result.end == .completed)
    #expect(result.points.count == 31)
    #expect(result.points.map(\.step) == Array(0..<31))
    #expect(abs(result.points[0].learningRate - 1e-6) < 1e-18)
    #expect(abs(result.points[30].learningRate - 1e-3) < 1e-15)
    let factor = pow(1000, 1.0 / 30)
    for (previous, next) in zip(result.points, result.points.dropFirst()) {
      #expect(abs(next.learningRate / previous.learningRate - factor) < 1e-9)
    }
  }

  @Test("The smoothed loss is fastai's bias-corrected moving average of the step losses")
  func smoothing() throws {
    var test = try LearningRateRangeTest(
      trainer: try trainer(), settings: LearningRateRangeSettings(endLearningRate: 1e-3, steps: 20))
    let points = test.run().points
    #expect(points[0].smoothedLoss == points[0].loss)
    let l0 = points[0].loss
    let l1 = points[1].loss
    let l2 = points[2].loss
    let second = (0.98 * 0.02 * l0 + 0.02 * l1) / (1 - 0.98 * 0.98)
    let third = (0.98 * 0.98 * 0.02 * l0 + 0.98 * 0.02 * l1 + 0.02 * l2) / (1 - 0.98 * 0.98 * 0.98)
    #expect(abs(points[1].smoothedLoss - second) < 1e-12)
    #expect(abs(points[2].smoothedLoss - third) < 1e-12)
  }

  @Test("Rates too high for the network stop the sweep early, with the loss far above its best")
  func divergenceStops() throws {
    var test = try LearningRateRangeTest(
      trainer: try trainer(["training.optimizer=\"adam\""]),
      settings: LearningRateRangeSettings(startLearningRate: 1e-3, endLearningRate: 10, steps: 1000))
    let result = test.run()
    #expect(result.points.count < 1000)
    #expect(result.end == .diverged || result.end == .nonFinite)
    let best = result.points.map(\.smoothedLoss).min()!
    let last = result.points.last!.smoothedLoss
    #expect(!last.isFinite || last > 4 * best)
    #expect(test.advance() == nil)
    #expect(test.isFinished && test.progress == 1)
  }

  @Test("The suggestion lies before the point where the smoothed loss turned up, well below the divergence")
  func suggestionBeforeDivergence() throws {
    var test = try LearningRateRangeTest(
      trainer: try trainer(["training.optimizer=\"sgd\""]), settings: LearningRateRangeSettings())
    let result = test.run()
    let suggestion = try #require(result.suggestion)
    #expect(suggestion.edgeStep < result.points.count - 1)
    #expect(suggestion.step <= suggestion.edgeStep)
    #expect(suggestion.learningRate <= result.points[suggestion.edgeStep].learningRate)
    let lowest = result.points[50...suggestion.edgeStep].map(\.smoothedLoss).min()!
    #expect(result.points[suggestion.edgeStep + 1].smoothedLoss > 1.05 * lowest)
    #expect(result.points.last!.learningRate > 10 * suggestion.learningRate)
  }

  @Test("The trainer handed to the test keeps its weights, step and settings")
  func liveRunUntouched() throws {
    var live = try trainer()
    for _ in 0..<5 { live.trainStep() }
    let parameters = live.network.parameters
    let hyperparameters = live.network.hyperparameters
    var test = try LearningRateRangeTest(trainer: live, settings: LearningRateRangeSettings(steps: 50))
    _ = test.run()
    #expect(live.network.parameters == parameters)
    #expect(live.network.hyperparameters == hyperparameters)
    #expect(live.step == 5)
    #expect(live.network.step == 5)
    #expect(live.trainStep().isFinite)
  }

  @Test("Stepping one point at a time gives the same curve as one call")
  func stepwiseEqualsRun() throws {
    let settings = LearningRateRangeSettings(steps: 40)
    var whole = try LearningRateRangeTest(trainer: try trainer(), settings: settings)
    var stepwise = try LearningRateRangeTest(trainer: try trainer(), settings: settings)
    var progress: [Double] = []
    while stepwise.advance() != nil { progress.append(stepwise.progress) }
    #expect(stepwise.result == whole.run())
    #expect(progress.first == 1.0 / 40)
    #expect(progress.last == 1)
  }

  @Test("Settings outside their ranges are refused with the key at fault")
  func invalidSettings() throws {
    let cases: [(LearningRateRangeSettings, String)] = [
      (LearningRateRangeSettings(startLearningRate: 1, endLearningRate: 0.1), "start"),
      (LearningRateRangeSettings(endLearningRate: 20), "end"),
      (LearningRateRangeSettings(steps: 4), "steps"),
      (LearningRateRangeSettings(smoothing: 1), "smoothing"),
      (LearningRateRangeSettings(divergenceFactor: 1), "divergence_factor"),
    ]
    let live = try trainer()
    for (settings, key) in cases {
      #expect(throws: ConfigurationError.self) { try settings.validate() }
      #expect(throws: ConfigurationError.self) { try LearningRateRangeTest(trainer: live, settings: settings) }
      do {
        try settings.validate()
      } catch {
        #expect(error.key == key)
      }
    }
  }
}
