import DamTraining

extension AppState {
  /// What `a` applies: the first action of the highest-ranked finding that has one, with that finding.
  var offeredAction: (finding: Finding, action: FindingAction)? {
    for finding in findings {
      if let action = finding.actions(settings: settings).first { return (finding, action) }
    }
    return nil
  }

  /// `a`: applies the offered action as recorded changes to the edited branch and says what it did.
  mutating func applyFindingAction() -> [Effect] {
    guard let (finding, action) = offeredAction else {
      show(
        findings.isEmpty
          ? "no finding to act on: nothing looks wrong right now"
          : "the findings suggest nothing a setting can do (d lists them)")
      return []
    }
    let before = editedSettings
    let after = (try? before.applying(action.settings)) ?? before
    let hint =
      !action.reinitialize && needsFreshStart(from: before, to: after) ? "; \(Self.freshStartHint)" : " (u undoes it)"
    show("a (\(finding.id.rawValue)): \(action.summary)" + hint)
    return recordedChanges(action.settings, reinitialize: action.reinitialize)
  }

  /// The commands that apply `settings` to the edited branch, then re-initialize it when asked (keeping
  /// the run so far as a ghost on the loss chart).
  mutating func recordedChanges(_ settings: [PresetOverride], reinitialize: Bool) -> [Effect] {
    var effects = settings.map { sendToEditedBranch(.set($0)) }
    if reinitialize {
      if fork == nil { effects.append(.captureGhost(currentRunGhost)) }
      effects.append(sendToEditedBranch(.reinitialize))
    }
    return effects
  }

  /// What the status line adds when a change shows only on fresh weights.
  static let freshStartHint = "it shows on fresh weights: press i to re-initialize and see it"

  /// Whether a change from `before` to `after` usually needs fresh weights to show its effect: another
  /// activation or initializer (weights drawn for the old one stay), or a learning rate lowered after the
  /// run blew up (saturated or huge weights do not recover at the lower rate).
  func needsFreshStart(from before: Preset, to after: Preset) -> Bool {
    if before.model.activation != after.model.activation || before.model.initializer != after.model.initializer {
      return true
    }
    let blownUp = findings.contains { [.diverged, .learningRateTooHigh, .explodingGradients].contains($0.id) }
    return blownUp && after.training.learningRate < before.training.learningRate
  }
}
