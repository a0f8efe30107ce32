import DamTraining

extension AppState {
  /// Moves `parameter` of the edited branch one step and sends the change; at the end of its range says so
  /// instead.
  mutating func adjust(_ parameter: TunableParameter, by step: AdjustStep) -> [Effect] {
    guard let value = parameter.adjustedValue(in: editedSettings, by: step) else {
      show(
        parameter == .hidden
          ? "press Enter to type the hidden layout"
          : "\(parameter.label) is at its limit (\(parameter.allowedValues))")
      return []
    }
    switch change(parameter, to: value) {
    case .success(let effects): return effects
    case .failure(let error):
      show(error.diagnostics.first?.message ?? error.description)
      return []
    }
  }

  /// Sets `parameter` of the edited branch to the TOML `value`, validated exactly as a preset file is: on
  /// success the settings change and the branch's session is sent the same setting.
  mutating func change(_ parameter: TunableParameter, to value: String) -> Result<[Effect], PresetError> {
    do throws(PresetError) {
      let override = try PresetOverride(parsing: "\(parameter.presetKey)=\(value)")
      editedSettings = try editedSettings.applying([override])
      let shown = parameter.displayValue(in: editedSettings)
      let branch = fork == nil ? "" : "\(editedBranch.letter): "
      show(
        parameter.isPending(in: editedSettings, appliedModel: editedAppliedModel)
          ? "\(branch)\(parameter.label) \(shown): pending until i re-initializes"
          : "\(branch)\(parameter.label) \(shown)")
      return .success([sendToEditedBranch(.set(override))])
    } catch {
      return .failure(error)
    }
  }
}
