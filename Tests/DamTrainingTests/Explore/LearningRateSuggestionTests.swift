import Foundation
import Testing

@testable import DamTraining

@Suite("Learning-rate suggestion")
struct LearningRateSuggestionTests {
  /// 100 planned steps and beta 0.9: the first 10 points are ignored.
  private let settings = LearningRateRangeSettings(
    startLearningRate: 1e-5, endLearningRate: 10, steps: 100, smoothing: 0.9)

  /// Points at lr = 10^(i / 10 - 5) with the given smoothed losses.
  private func curve(_ losses: [Double]) -> [LearningRateRangePoint] {
    losses.enumerated().map { index, loss in
      LearningRateRangePoint(
        step: index, learningRate: pow(10, Double(index) / 10 - 5), loss: loss, smoothedLoss: loss)
    }
  }

  @Test("A clear fall gives its steepest descent against log(lr), before the loss turns up")
  func steepest() throws {
    // Flat at 1, a fall to 0.2 between points 30 and 60 that is steepest from 40 to 41, flat, then up at 80.
    var losses = [Double](repeating: 1, count: 90)
    for index in 30..<90 { losses[index] = max(0.2, 1 - 0.02 * Double(index - 29)) }
    for index in 41..<90 { losses[index] -= 0.1 }
    for index in 80..<90 { losses[index] = 0.1 + 0.5 * Double(index - 79) }
    let suggestion = try #require(LearningRateSuggestion.suggest(from: curve(losses), settings: settings))
    #expect(suggestion.rule == .steepestDescent)
    #expect(suggestion.step == 40)
    #expect(suggestion.learningRate == pow(10, Double(40) / 10 - 5))
    #expect(suggestion.edgeStep == 79)
  }

  @Test("A curve flat within noise until it turns up gives a tenth of the rate where it turns up")
  func tenthOfEdge() throws {
    var losses = (0..<90).map { 0.7 + 0.01 * sin(Double($0)) }
    for index in 60..<90 { losses[index] = 0.7 * pow(1.2, Double(index - 59)) }
    let suggestion = try #require(LearningRateSuggestion.suggest(from: curve(losses), settings: settings))
    #expect(suggestion.rule == .tenthOfEdge)
    #expect(suggestion.edgeStep == 59)
    #expect(suggestion.step == 59)
    #expect(suggestion.learningRate == pow(10, Double(59) / 10 - 5) / 10)
  }

  @Test("The warm-up of the average is ignored, so an early fall there does not count")
  func warmUpIgnored() throws {
    // A steep fall over the first 10 points, then flat, then up: the fall is inside the warm-up.
    var losses = (0..<90).map { $0 < 10 ? 3 - 0.2 * Double($0) : 1 }
    for index in 70..<90 { losses[index] = 2 }
    let suggestion = try #require(LearningRateSuggestion.suggest(from: curve(losses), settings: settings))
    #expect(suggestion.rule == .tenthOfEdge)
    #expect(suggestion.edgeStep == 69)
  }

  @Test("No suggestion when the loss turns up at once or the warm-up has not ended")
  func none() {
    let rising = (0..<90).map { pow(1.1, Double($0)) }
    #expect(LearningRateSuggestion.suggest(from: curve(rising), settings: settings) == nil)
    let short = [Double](repeating: 1, count: 10)
    #expect(LearningRateSuggestion.suggest(from: curve(short), settings: settings) == nil)
    #expect(LearningRateSuggestion.suggest(from: curve([Double](repeating: 1, count: 11)), settings: settings) == nil)
    let flat = [Double](repeating: 1, count: 12)
    #expect(LearningRateSuggestion.suggest(from: curve(flat), settings: settings)?.edgeStep == 11)
  }

  @Test("The rounded rate keeps three significant digits")
  func rounding() {
    func rounded(_ rate: Double) -> Double {
      LearningRateSuggestion(learningRate: rate, rule: .tenthOfEdge, step: 0, edgeStep: 0).roundedLearningRate
    }
    #expect(rounded(0.0031622776601683794) == 0.00316)
    #expect(rounded(9.996) == 10)
    #expect(rounded(1.2345e-7) == 1.23e-7)
  }
}
