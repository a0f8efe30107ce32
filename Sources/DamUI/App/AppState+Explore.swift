import DamTraining

extension AppState {
  /// The range test's sweep: fastai's defaults over 200 steps.
  static let rangeTestSettings = LearningRateRangeSettings()

  /// `L`: opens the range-test dialog and starts the test on a copy of the edited branch.
  mutating func startRangeTest() -> [Effect] {
    let branch = fork == nil ? Branch.main : editedBranch
    rangeTest = RangeTestRun(
      branch: branch, currentLearningRate: editedSettings.training.learningRate, settings: Self.rangeTestSettings)
    dialog = .rangeTest
    return [.startRangeTest(branch, Self.rangeTestSettings)]
  }

  /// The overfit check's settings: 500 steps on one batch of the run's batch size, memorised at 5% of
  /// the starting loss.
  static let overfitCheckSettings = OverfitOneBatchSettings()

  /// `o`: opens the check dialog and starts the overfit-one-batch check on a copy of the edited branch.
  mutating func startOverfitCheck() -> [Effect] {
    let branch = fork == nil ? Branch.main : editedBranch
    overfitCheck = OverfitCheckRun(branch: branch, settings: Self.overfitCheckSettings)
    dialog = .overfitCheck
    return [.startOverfitCheck(branch, Self.overfitCheckSettings)]
  }

  /// Takes the range test's latest curve.
  mutating func rangeTestProgressed(_ result: LearningRateRangeResult) {
    rangeTest?.result = result
  }

  /// Enter in the range-test dialog: sets the branch's learning rate to the suggestion, as a recorded
  /// change; without a suggestion yet, says why and keeps the dialog open.
  mutating func applyRangeTestSuggestion() -> [Effect] {
    guard let test = rangeTest, let suggestion = test.suggestion else {
      show(
        rangeTest?.isFinished == true
          ? "the loss turned up at once: no learning rate to suggest"
          : "no suggestion yet: wait for the sweep to end")
      return []
    }
    closeExploration()
    switch change(.learningRate, to: TunableParameter.tomlNumber(suggestion.roundedLearningRate)) {
    case .success(let effects): return [.cancelExploration] + effects
    case .failure(let error):
      show(error.diagnostics.first?.message ?? error.description)
      return [.cancelExploration]
    }
  }

  /// Closes the range-test or check dialog and forgets its experiment.
  mutating func closeExploration() {
    dialog = nil
    rangeTest = nil
    overfitCheck = nil
    landscape = nil
  }
}
