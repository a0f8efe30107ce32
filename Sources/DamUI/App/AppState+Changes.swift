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
  /// success the settings change and the branch's session is sent the same setting. A data change that
  /// alters the input or output size opens `confirmReshape` instead, unless `reinitializing` (its answer
  /// yes): then the branch is re-initialized right after the change.
  mutating func change(
    _ parameter: TunableParameter, to value: String, reinitializing: Bool = false
  ) -> Result<[Effect], PresetError> {
    do throws(PresetError) {
      let override = try PresetOverride(parsing: "\(parameter.presetKey)=\(value)")
      let updated = try editedSettings.applying([override])
      if !reinitializing && updated.data.shape != editedSettings.data.shape {
        dialog = .confirmReshape(parameter, value: value)
        return .success([])
      }
      let freshStart = !reinitializing && needsFreshStart(from: editedSettings, to: updated)
      editedSettings = updated
      let shown = parameter.displayValue(in: editedSettings)
      let branch = fork == nil ? "" : "\(editedBranch.letter): "
      show(
        parameter.isPending(in: editedSettings, appliedModel: editedAppliedModel)
          ? "\(branch)\(parameter.label) \(shown): pending until i re-initializes"
          : "\(branch)\(parameter.label) \(shown)" + (freshStart ? "; \(Self.freshStartHint)" : ""))
      let sent = sendToEditedBranch(.set(override))
      return .success(reinitializing ? [sent] + perform(.reinitialize) : [sent])
    } catch {
      return .failure(error)
    }
  }
}
