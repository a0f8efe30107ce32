import DamTraining

/// The neuron view (`N`), in place of the chart, data and gradient panels: the selected unit and the
/// newest activations computed on a copy of the edited branch's weights.
///
/// Selectable units are the hidden ones, input side first; a network without hidden layers offers its
/// output units. The arrow keys move the selection: Left/Right within a layer, Up/Down between layers
/// (keeping the position in the layer where it can).
public struct NeuronView: Sendable, Equatable {
  /// A unit: its layer (0 = the first dense layer) and its index in the layer.
  public struct Unit: Sendable, Hashable {
    /// The dense layer, input side first.
    public var layer: Int
    /// The unit in the layer.
    public var unit: Int

    /// Creates a unit reference.
    public init(layer: Int, unit: Int) {
      self.layer = layer
      self.unit = unit
    }
  }

  /// The selected unit.
  public internal(set) var selected = Unit(layer: 0, unit: 0)
  /// The newest activations; nil until the first arrives.
  public internal(set) var activations: NeuronActivations?

  /// A view whose first activations were just asked for.
  public init() {}

  /// The units of each selectable layer, input side first.
  var selectableLayers: [Int] {
    guard let activations else { return [] }
    let hidden = activations.hiddenLayers.map(\.units)
    return hidden.isEmpty ? activations.layers.map(\.units) : hidden
  }

  /// Takes `computed`, keeping the selection inside the new network.
  mutating func receive(_ computed: NeuronActivations) {
    activations = computed
    selected = clamped(selected)
  }

  /// Moves the selection by `units` within its layer and `layers` between layers.
  mutating func move(units: Int = 0, layers: Int = 0) {
    selected = clamped(Unit(layer: selected.layer + layers, unit: selected.unit + units))
  }

  /// `unit` moved into the selectable layers and units.
  private func clamped(_ unit: Unit) -> Unit {
    let layers = selectableLayers
    guard !layers.isEmpty else { return Unit(layer: 0, unit: 0) }
    let layer = min(max(0, unit.layer), layers.count - 1)
    return Unit(layer: layer, unit: min(max(0, unit.unit), layers[layer] - 1))
  }
}
