import DamTraining

/// Applies one event to the UI state and returns the work it asks of the main loop, in order.
///
/// This is the only way the state changes (the Elm/Bubble Tea `update`): pure, synchronous, and cheap
/// enough to run on every key and tick.
public func reduce(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
  state.reduce(event)
}

extension AppState {
  mutating func reduce(_ event: InputEvent) -> [Effect] {
    switch event {
    case .key(let key):
      return handle(key)
    case .mouse(let mouse):
      return handle(mouse)
    case .resize(let width, let height):
      relayout(width: width, height: height)
      clampDialogScroll()
    case .quit:
      return quit()
    case .tick:
      if statusTicksLeft > 0 {
        statusTicksLeft -= 1
        if statusTicksLeft == 0 { statusMessage = nil }
      }
    case .runState(let state):
      runState = state
    case .lessonObserved(let observation):
      observe(observation)
    case .sessionSettings(let branch, let reported, let model):
      adoptSessionSettings(reported, appliedModel: model, of: branch)
    case .findings(let current):
      findings = current
      clampDialogScroll()
    case .changes(let current):
      changes = current
      clampDialogScroll()
    case .dataPanel(let inUse):
      dataPanelInUse = inUse
      relayout(width: layout.screen.width, height: layout.screen.height)
    case .presetLoaded(let loaded):
      speed = speed(opening: loaded)
      adopt(loaded)
      show(
        loaded.run.speed == nil
          ? "loaded preset \(loaded.name)" : "loaded preset \(loaded.name) at its own pace, \(speed) (> faster)")
    case .presetLoadFailed(let name, let message):
      dialog = .message(title: "Cannot load preset \(name)", lines: message.split(separator: "\n").map(String.init))
    case .presetSaved(let name, let path):
      if !presets.contains(where: { $0.name == name }) {
        var saved = settings
        saved.name = name
        presets.append(PresetListing(saved))
        presets.sort { $0.name < $1.name }
      }
      show("saved preset \(name) to \(path)")
    case .presetSaveFailed(let name, let message, let fileExists):
      dialog =
        fileExists
        ? .confirmOverwrite(name: name)
        : .message(title: "Cannot save preset \(name)", lines: message.split(separator: "\n").map(String.init))
    case .presetListings(let listings):
      presets = listings
    case .rangeTestProgress(let result):
      rangeTestProgressed(result)
    case .overfitCheckProgress(let report):
      overfitCheck?.report = report
    case .overfitCheckFailed(let message):
      guard dialog == .overfitCheck else { break }
      closeExploration()
      dialog = .message(title: AppDialog.overfitCheck.title, lines: ["The check cannot run: \(message)"])
    case .initializationSurveyed(let outcome, let inputs):
      initializationSurveyed(outcome, inputs: inputs)
    case .initializationInputsChanged:
      return refreshInitialization()
    case .neuronsComputed(let computed):
      neurons?.receive(computed)
    case .landscapeProgress(let done, let total):
      landscape?.progress = (done, total)
    case .landscapeFinished(let result):
      landscape?.result = result
    case .landscapeFailed(let message):
      landscape?.failure = message
    case .forked(let step):
      forkStarted(at: step)
    case .branchKept(let choice, let dropped):
      keep(choice, dropped: dropped)
    case .ghostCaptured(let ghost):
      keepGhost(ghost)
      runStartStep = ghost.nextStep
    case .runsListed(let entries, let problem):
      runsListed(entries, problem: problem)
    case .runGhostLoaded(let ghost):
      keepGhost(ghost)
      show(ghost.label(number: ghosts.count, comparedWith: settingsInForce))
    case .runGhostFailed(let name, let message):
      dialog = .message(title: "Cannot load run \(name)", lines: message.split(separator: "\n").map(String.init))
    case .recordingFailed(let message):
      show("--record cut short, training goes on: \(message)")
    case .runLogFailed(let message):
      show(message)
    }
    return []
  }

  /// Marks the state as quitting and asks the loop to stop.
  mutating func quit() -> [Effect] {
    isQuitting = true
    dialog = nil
    return [.quit]
  }

  /// Shows the settings `branch`'s session reports (see `InputEvent.sessionSettings`).
  mutating func adoptSessionSettings(_ reported: Preset, appliedModel model: ModelSpec, of branch: Branch) {
    if branch == .fork, var fork {
      fork.settings = reported
      fork.appliedModel = model
      self.fork = fork
    } else if branch == .main {
      settings = reported
      appliedModel = model
    }
  }

  /// The speed a session on `next` starts at (`p`): its own `run.speed`; without one, the screen's default
  /// when leaving a preset with its own pace, else the speed in use.
  public func speed(opening next: Preset) -> TrainingSpeed {
    next.run.speed ?? (preset.run.speed == nil ? speed : .interactiveDefault)
  }

  /// Takes `loaded` as both the preset and the current settings, with fresh weights.
  mutating func adopt(_ loaded: Preset) {
    preset = loaded
    settings = loaded
    appliedModel = loaded.model
    runState = .running
    runStartStep = 0
    findings = []
    changes = []
    lesson = LessonState(preset: loaded, stopsAllowed: lesson.stopsAllowed)
    dataPanelInUse = Self.hasDataPanel(loaded)
    relayout(width: layout.screen.width, height: layout.screen.height)
  }
}
