import DamTraining

extension AppState {
  /// Routes a key: Ctrl-C always quits; below the minimum size only the quit keys work; an open dialog
  /// takes every other key; otherwise the key map decides.
  mutating func handle(_ key: KeyInput) -> [Effect] {
    if key == .controlC { return quit() }
    if isTooSmall { return key == .character("q") ? quit() : [] }
    if let dialog { return handle(key, in: dialog) }
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
      dialog = .valueEntry(parameter, TextField(parameter.typedValue(in: settings)), error: nil)
    case .togglePause:
      return togglePause()
    case .stepOnce:
      guard runState != .running else {
        show("n steps once while paused: press Space to pause first")
        return []
      }
      return [.send(.step(count: 1))]
    case .reinitialize:
      appliedModel = settings.model
      show("re-initialized the weights (\(settings.model.initializer.kind.rawValue))")
      return [.send(.reinitialize)]
    case .resetToPreset:
      settings = preset
      appliedModel = preset.model
      show("reset every setting to preset \(preset.name)")
      return [.send(.resetToPreset)]
    case .rewind:
      show("rewinding: newest finite checkpoint, or the last change undone")
      return [.send(.rewind)]
    case .openPresetPicker:
      dialog = .presetPicker(selected: presets.firstIndex { $0.name == preset.name } ?? 0)
    case .openSavePrompt:
      dialog = .savePrompt(TextField(), error: nil)
    case .toggleChartScale:
      chartScale = chartScale == .logarithmic ? .linear : .logarithmic
    case .toggleZoom:
      zoom = zoom.toggled
    case .cycleGradientView:
      gradientView = gradientView.next
    case .openFindings:
      dialog = .findings(scroll: 0)
    case .focusNext:
      focus = focus.next
    case .focusPrevious:
      focus = focus.previous
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
      return [.send(.pause)]
    }
    runState = .running
    return [.send(.resume)]
  }
}
