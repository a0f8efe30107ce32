import DamTraining

extension AppState {
  /// The settings a branch trains with (its model as drawn, pending changes left out).
  public func settingsInForce(of branch: Branch) -> Preset {
    guard branch == .fork, let fork else { return settingsInForce }
    return Self.inForce(fork.settings, drawnWith: fork.appliedModel)
  }

  /// A branch as a ghost to keep when `F` drops it: its curve from the current run's start, captured by
  /// the main loop.
  public func ghost(of branch: Branch) -> GhostRun {
    GhostRun(settings: settingsInForce(of: branch), startStep: runStartStep)
  }

  /// `f`: forks the run with the same settings and makes the panel edit the fork.
  mutating func startFork() -> [Effect] {
    guard fork == nil else {
      show("already forked: F keeps the better branch, b switches the branch the panel edits")
      return []
    }
    fork = ForkedRun(settings: settings, appliedModel: appliedModel)
    editedBranch = .fork
    show("forking: B copies A's weights and optimizer state; edit B here, b switches, F keeps the better")
    return [.fork]
  }

  /// `b`: switches the branch the panel edits.
  mutating func switchBranch() -> [Effect] {
    guard fork != nil else {
      show("b switches between the branches of a fork: press f to fork first")
      return []
    }
    editedBranch = editedBranch.other
    show("editing branch \(editedBranch.letter)")
    return []
  }

  /// `F`: asks the main loop to keep the better branch.
  mutating func keepBetterBranch() -> [Effect] {
    guard let fork, fork.startStep != nil else {
      show(fork == nil ? "F keeps the better branch of a fork: press f to fork first" : "the fork is not running yet")
      return []
    }
    return [.keepBetterBranch]
  }

  /// `i` while forked: re-initializes the edited branch only (no ghost: the chart keeps both branches).
  mutating func reinitializeEditedBranch() -> [Effect] {
    if editedBranch == .fork, var fork {
      fork.appliedModel = fork.settings.model
      self.fork = fork
    } else {
      appliedModel = settings.model
    }
    show("re-initialized branch \(editedBranch.letter) (\(editedSettings.model.initializer.kind.rawValue))")
    return [sendToEditedBranch(.reinitialize)]
  }

  /// Says that `what` needs a single branch.
  mutating func refuseWhileForked(_ what: String) -> [Effect] {
    show("\(what) a single run: F keeps the better branch first")
    return []
  }

  /// The fork runs from `step`.
  mutating func forkStarted(at step: Int) {
    fork?.startStep = step
  }

  /// `choice.kept` is now the only run; the other branch's curve stays as the ghost `dropped`.
  mutating func keep(_ choice: BranchChoice, dropped: GhostRun) {
    if choice.kept == .fork, let fork {
      settings = fork.settings
      appliedModel = fork.appliedModel
    }
    fork = nil
    editedBranch = .main
    keepGhost(dropped)
    show(choice.reason)
  }
}
