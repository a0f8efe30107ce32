import DamScreen
import DamTraining

/// The neuron view (`N`), in place of the chart, data and gradient panels.
///
/// - 2-D inputs: every hidden unit's output over the input plane as a small tile with the decision map's
///   shading (`ActivationTile`), one block of tiles per layer, input side first, the selected tile marked
///   `>`; beside them the selected unit drawn large with its incoming weights and bias (`NeuronDetail`).
/// - Other inputs: the selected unit's incoming weights (an image where the inputs form one, else bars
///   with the column names) beside each output unit's mean response to each class (`ClassResponseTable`).
struct NeuronPanel: Widget {
  /// The view's state.
  let view: NeuronView
  /// The network's activation, for the selected unit's caption.
  let activation: String
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true

  /// The panel title.
  static let title = "Neurons (arrows: unit  N or Esc: close)"

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: Self.title, isFocused: true, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard let activations = view.activations else {
      PlaceholderText(text: "computing each unit's activations on a copy of the weights...")
        .render(in: inner, buffer: &buffer)
      return
    }
    guard inner.width >= 20, inner.height >= 6 else { return }
    let detailWidth = min(44, max(22, inner.width * 2 / 5))
    let left = Rect(x: inner.x, y: inner.y, width: inner.width - detailWidth - 1, height: inner.height)
    let right = Rect(x: left.maxX + 1, y: inner.y, width: detailWidth, height: inner.height)
    let detail = NeuronDetail(
      activations: activations, selected: view.selected, activation: activation, glyphs: glyphs, colors: colors)
    if activations.plane != nil {
      NeuronTiles(activations: activations, selected: view.selected, glyphs: glyphs, colors: colors)
        .render(in: left, buffer: &buffer)
      detail.render(in: right, buffer: &buffer)
    } else {
      detail.render(in: left, buffer: &buffer)
      if let responses = activations.classResponses {
        ClassResponseTable(responses: responses).render(in: right, buffer: &buffer)
      }
    }
  }
}
