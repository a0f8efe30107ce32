import DamTraining

extension AppState {
  /// Moves `parameter` one step and sends the change; at the end of its range says so instead.
  mutating func adjust(_ parameter: TunableParameter, by step: AdjustStep) -> [Effect] {
    guard let value = parameter.adjustedValue(in: settings, by: step) else {
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

  /// Sets `parameter` to the TOML `value`, validated exactly as a preset file is: on success the settings
  /// change and the session is sent the same setting.
  mutating func change(_ parameter: TunableParameter, to value: String) -> Result<[Effect], PresetError> {
    do throws(PresetError) {
      let override = try PresetOverride(parsing: "\(parameter.presetKey)=\(value)")
      settings = try settings.applying([override])
      let shown = parameter.displayValue(in: settings)
      show(
        parameter.isPending(in: settings, appliedModel: appliedModel)
          ? "\(parameter.label) \(shown): pending until i re-initializes" : "\(parameter.label) \(shown)")
      return .success([.send(.set(override))])
    } catch {
      return .failure(error)
    }
  }
}
