import DamTraining

extension AppState {
  /// Routes a key: Ctrl-C always quits; below the minimum size only the quit keys work; an open dialog
  /// takes every other key; otherwise the key map decides.
  mutating func handle(_ key: KeyInput) -> [Effect] {
    if key == .controlC { return quit() }
    if isTooSmall { return key == .character("q") ? quit() : [] }
    if let dialog { return handle(key, in: dialog) }
    if let effects = handleNeuronKey(key) { return effects }
    if key == .escape && initialization != nil {
      initialization = nil
      return []
    }
    guard let action = KeyMap.action(for: key, focus: focus) else { return [] }
    return perform(action)
  }

  /// Does what a main-screen action means.
  mutating func perform(_ action: AppAction) -> [Effect] {
    switch action {
    case .selectPrevious:
      selectedIndex = max(0, selectedIndex - 1)
    case .selectNext:
      selectedIndex = min(ParameterCatalog.parameters.count - 1, selectedIndex + 1)
    case .adjust(let step):
      return adjust(selectedParameter, by: step)
    case .typeValue:
      let parameter = selectedParameter
      dialog = .valueEntry(parameter, TextField(parameter.typedValue(in: editedSettings)), error: nil)
    case .togglePause:
      return togglePause()
    case .changeSpeed(let faster):
      speed = faster ? speed.faster : speed.slower
      show(
        speed == .maximum
          ? "training at max speed: no limit on steps per second (< slower)"
          : "training at most \(speed) (< slower, > faster)")
      return [.setSpeed(speed)]
    case .stepOnce:
      guard runState != .running else {
        show("n steps once while paused: press Space to pause first")
        return []
      }
      return toBothBranches(.step(count: 1))
    case .reinitialize:
      if fork != nil { return reinitializeEditedBranch() }
      let ghost = currentRunGhost
      appliedModel = settings.model
      show("re-initialized the weights (\(settings.model.initializer.kind.rawValue)); the old run stays as a ghost")
      return [.captureGhost(ghost), .send(.reinitialize)]
    case .resetToPreset:
      if fork != nil { return refuseWhileForked("r resets") }
      let ghost = currentRunGhost
      settings = preset
      appliedModel = preset.model
      show("reset every setting to preset \(preset.name); the old run stays as a ghost")
      return [.captureGhost(ghost), .send(.resetToPreset)]
    case .rewind:
      if fork != nil { return refuseWhileForked("u rewinds") }
      show("rewinding: newest finite checkpoint, or the last change undone")
      return [.send(.rewind)]
    case .openPresetPicker:
      if fork != nil { return refuseWhileForked("p loads a preset") }
      dialog = .presetPicker(selected: presets.firstIndex { $0.name == preset.name } ?? 0)
    case .openSavePrompt:
      dialog = .savePrompt(TextField(), error: nil)
    case .toggleChartScale:
      chartScale = chartScale == .logarithmic ? .linear : .logarithmic
    case .toggleZoom:
      zoom = zoom.toggled
    case .cycleSmoothing:
      smoothing = smoothing.next
      show("training loss smoothing: \(smoothing.name) (m cycles off, 0.6, 0.9, 0.99)")
    case .cycleGradientView:
      // The lesson card covers the gradient panel: the first g uncovers it as it is.
      if revealGradientPanel() { break }
      if initialization != nil {
        initialization = nil
      } else if showsWeights {
        showsWeights = false
      } else {
        gradientView = gradientView.next
      }
    case .toggleWeights:
      showsWeights = revealGradientPanel() || !showsWeights
      if showsWeights { initialization = nil }
    case .toggleInitialization:
      return toggleInitialization()
    case .toggleNeurons:
      toggleNeurons()
    case .openFindings:
      dialog = .findings(scroll: 0)
    case .openRunBrowser:
      return openRunBrowser()
    case .clearGhosts:
      guard !ghosts.isEmpty else {
        show("no ghost runs to clear: r, i and preset loads leave them")
        return []
      }
      ghosts = []
      show("cleared the ghost runs")
    case .fork:
      return startFork()
    case .switchBranch:
      return switchBranch()
    case .keepBetterBranch:
      return keepBetterBranch()
    case .rangeTest:
      return startRangeTest()
    case .overfitCheck:
      return startOverfitCheck()
    case .landscape:
      return startLandscape(.line)
    case .focusNext:
      focus = focus.next
    case .focusPrevious:
      focus = focus.previous
    case .toggleLessonCard:
      toggleLessonCard()
    case .applyLessonTry(let number):
      return applyLessonTry(number)
    case .applyFindingAction:
      return applyFindingAction()
    case .openHelp:
      dialog = .help(scroll: 0)
    case .quit:
      return quit()
    }
    return []
  }

  private mutating func togglePause() -> [Effect] {
    if runState == .running {
      runState = .paused
      return toBothBranches(.pause)
    }
    runState = .running
    return toBothBranches(.resume)
  }

  /// `command` for the main session, and for the fork's while forked.
  func toBothBranches(_ command: Command) -> [Effect] {
    fork == nil ? [.send(command)] : [.send(command), .sendFork(command)]
  }
}
