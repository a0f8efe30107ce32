import DamTraining

extension AppState {
  /// `N`: opens the neuron view in place of the chart, data and gradient panels, or closes it.
  mutating func toggleNeurons() {
    if neurons != nil {
      neurons = nil
      return
    }
    neurons = NeuronView()
    show("neuron view: arrows move between units, N or Esc closes (computed on a copy; training goes on)")
  }

  /// A key while the neuron view is open: the arrows move the selection, Esc closes the view; nil for
  /// every other key (the key map decides).
  mutating func handleNeuronKey(_ key: KeyInput) -> [Effect]? {
    guard neurons != nil else { return nil }
    switch key {
    case .left: neurons?.move(units: -1)
    case .right: neurons?.move(units: 1)
    case .up: neurons?.move(layers: -1)
    case .down: neurons?.move(layers: 1)
    case .escape: neurons = nil
    default: return nil
    }
    return []
  }
}
