import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: range test and overfit check")
struct AppExploreTests {
  /// A finished sweep whose steepest fall is at 0.03142 (index 2), applied rounded to 0.0314.
  static let finishedSweep = LearningRateRangeResult(
    points: [
      LearningRateRangePoint(step: 0, learningRate: 1e-3, loss: 0.7, smoothedLoss: 0.7),
      LearningRateRangePoint(step: 1, learningRate: 0.01, loss: 0.6, smoothedLoss: 0.65),
      LearningRateRangePoint(step: 2, learningRate: 0.031, loss: 0.3, smoothedLoss: 0.4),
      LearningRateRangePoint(step: 3, learningRate: 0.1, loss: 3, smoothedLoss: 2),
    ], end: .diverged,
    suggestion: LearningRateSuggestion(learningRate: 0.031_42, rule: .steepestDescent, step: 2, edgeStep: 2))

  @Test("The range test and overfit check settings are valid")
  func settingsAreValid() throws {
    try AppState.rangeTestSettings.validate()
    try AppState.overfitCheckSettings.validate()
  }

  @Test("L opens the range test on the live run and asks for it in the background")
  func rangeTestStarts() {
    var state = makeAppState()
    #expect(press(&state, .character("L")) == [.startRangeTest(.main, AppState.rangeTestSettings)])
    #expect(state.dialog == .rangeTest)
    #expect(state.rangeTest?.currentLearningRate == 0.03)
    #expect(state.rangeTest?.suggestion == nil)
  }

  @Test("Enter applies the suggestion only once the sweep has ended, as a recorded learning-rate change")
  func enterAppliesSuggestion() throws {
    var state = makeAppState()
    press(&state, .character("L"))
    var running = Self.finishedSweep
    running.end = nil
    send(&state, .rangeTestProgress(running))
    #expect(press(&state, .enter).isEmpty)
    #expect(state.dialog == .rangeTest)
    #expect(state.statusMessage == "no suggestion yet: wait for the sweep to end")
    send(&state, .rangeTestProgress(Self.finishedSweep))
    #expect(state.rangeTest?.suggestion?.learningRate == 0.031_42)
    #expect(press(&state, .enter) == [.cancelExploration, try setting("training.learning_rate=0.0314")])
    #expect(state.dialog == nil)
    #expect(state.rangeTest == nil)
    #expect(state.settings.training.learningRate == 0.0314)
  }

  @Test("Esc closes the range test and stops it; late progress is ignored; the live run is untouched")
  func escapeCancels() {
    var state = makeAppState()
    press(&state, .character("L"))
    #expect(press(&state, .escape) == [.cancelExploration])
    #expect(state.dialog == nil)
    send(&state, .rangeTestProgress(Self.finishedSweep))
    #expect(state.rangeTest == nil)
    #expect(state.settings.training.learningRate == 0.03)
  }

  @Test("While forked, L tests the edited branch and Enter sets that branch's learning rate")
  func rangeTestOnFork() throws {
    var state = makeAppState()
    press(&state, .character("f"))
    #expect(press(&state, .character("L")) == [.startRangeTest(.fork, AppState.rangeTestSettings)])
    send(&state, .rangeTestProgress(Self.finishedSweep))
    #expect(
      press(&state, .enter) == [
        .cancelExploration, .sendFork(.set(try PresetOverride(parsing: "training.learning_rate=0.0314"))),
      ])
    #expect(state.fork?.settings.training.learningRate == 0.0314)
    #expect(state.settings.training.learningRate == 0.03)
  }

  @Test("o opens the overfit check, shows its progress, and Enter or Esc closes and stops it")
  func overfitCheck() {
    var state = makeAppState()
    #expect(press(&state, .character("o")) == [.startOverfitCheck(.main, AppState.overfitCheckSettings)])
    #expect(state.dialog == .overfitCheck)
    let report = OverfitOneBatchReport(
      verdict: .memorised, batchSize: 32, steps: 120, initialLoss: 0.69, lowestLoss: 0.03, finalLoss: 0.03,
      targetLoss: 0.0345, finalAccuracy: 1, losses: [0.69, 0.03])
    send(&state, .overfitCheckProgress(report))
    #expect(state.overfitCheck?.report == report)
    #expect(press(&state, .enter) == [.cancelExploration])
    #expect(state.dialog == nil && state.overfitCheck == nil)
    press(&state, .character("o"))
    #expect(press(&state, .escape) == [.cancelExploration])
  }

  @Test("An overfit check that cannot run says why")
  func overfitCheckFails() {
    var state = makeAppState()
    press(&state, .character("o"))
    send(&state, .overfitCheckFailed("data = 0 training samples is not allowed"))
    #expect(
      state.dialog
        == .message(
          title: "Overfit-one-batch check", lines: ["The check cannot run: data = 0 training samples is not allowed"]))
    #expect(state.overfitCheck == nil)
  }

  @Test("The help lists the new keys")
  func helpListsKeys() {
    let help = KeyMap.helpLines.joined(separator: "\n")
    for key in ["f ", "b ", "F ", "L ", "o ", "c ", "d "] {
      #expect(KeyMap.helpLines.contains { $0.hasPrefix(key) }, "\(key)")
    }
    #expect(help.contains("fork"))
    #expect(help.contains("ghost"))
  }
}
