import DamTraining

extension AppState {
  /// `I`: opens the initialization explorer in place of the gradient panel (or the weight view) and asks
  /// for a fresh survey of the edited branch; closes it when open.
  mutating func toggleInitialization() -> [Effect] {
    let revealed = revealGradientPanel()
    if initialization != nil && !revealed {
      initialization = nil
      return []
    }
    showsWeights = false
    initialization = InitializationExplorer()
    show("comparing initializers on one batch before training (a copy; training goes on)")
    return [.surveyInitialization(editedBranch)]
  }

  /// A survey answered: shown if the explorer is still open.
  mutating func initializationSurveyed(
    _ outcome: InitializationExplorer.Outcome, inputs: InitializationExplorer.Inputs
  ) {
    guard initialization != nil else { return }
    initialization?.outcome = outcome
    initialization?.inputs = inputs
    initialization?.isComputing = false
  }

  /// The run's model, data or batch size changed while the explorer is open: survey again.
  mutating func refreshInitialization() -> [Effect] {
    guard initialization != nil, initialization?.isComputing == false else { return [] }
    initialization?.isComputing = true
    return [.surveyInitialization(editedBranch)]
  }

  /// Whether the open explorer shows a survey of other inputs than `snapshot`'s run (the main branch's
  /// snapshots only; a fork's explorer is surveyed when it opens).
  func initializationIsStale(following snapshot: Snapshot) -> Bool {
    guard let initialization, !initialization.isComputing, editedBranch == .main,
      let inputs = initialization.inputs
    else { return false }
    return inputs != InitializationExplorer.Inputs(snapshot)
  }
}
