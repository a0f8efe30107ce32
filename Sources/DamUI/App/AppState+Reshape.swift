import DamData
import DamEngine
import DamTraining

extension AppState {
  /// Answers `confirmReshape`: `y` or Enter makes the change and re-initializes the edited branch; `n`
  /// keeps the data as it is.
  mutating func answerReshape(_ key: KeyInput, parameter: TunableParameter, value: String) -> [Effect] {
    switch key {
    case .character("y"), .enter:
      dialog = nil
      switch change(parameter, to: value, reinitializing: true) {
      case .success(let effects): return effects
      case .failure(let error):
        show(error.diagnostics.first?.message ?? error.description)
        return []
      }
    case .character("n"):
      dialog = nil
      show("kept \(parameter.label) \(parameter.displayValue(in: editedSettings))")
      return []
    default:
      return []
    }
  }

  /// The question `confirmReshape` asks, wrapped to `width`: what setting `parameter` to `value` does to
  /// the sizes of the edited branch's data.
  func reshapeQuestion(_ parameter: TunableParameter, value: String, width: Int) -> [String] {
    let updated = try? editedSettings.applying([PresetOverride(parsing: "\(parameter.presetKey)=\(value)")])
    let text =
      "\(parameter.presetKey) = \(value) changes the data from \(Self.describe(editedSettings.data.shape)) to "
      + "\(Self.describe(updated?.data.shape)), so the weights cannot stay. Change it and draw fresh weights? "
      + "The current run stays on the loss chart as a ghost."
    return TextWrap.lines(text, width: width)
  }

  /// "2 inputs and one sigmoid output", or "a shape known once loaded" for a CSV file.
  private static func describe(_ shape: DataShape?) -> String {
    guard let shape else { return "a size known once loaded" }
    let output =
      switch shape.head {
      case .binary: "one sigmoid output"
      case .multiclass(let classes): "\(classes) softmax outputs"
      case .regression(let outputs): outputs == 1 ? "one linear output" : "\(outputs) linear outputs"
      }
    return "\(shape.features) inputs and \(output)"
  }
}
