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

  /// What the tiles' shading means, in the glyphs and colours drawn.
  var legend: String {
    glyphs.isUnicode && colors
      ? "blue: a > 0  red: a < 0  faint: a near 0"
      : ".: a > 0  :: a < 0  blank: a near 0"
  }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    buffer.fill(area)
    let panel = Panel(title: Self.title, isFocused: true, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard let activations = view.activations else {
      PlaceholderText(text: "computing each unit's activations on a copy of the weights...")
        .render(in: inner, buffer: &buffer)
      return
    }
    guard inner.width >= 20, inner.height >= 6 else { return }
    let rightWidth =
      activations.plane != nil
      ? min(44, max(22, inner.width * 2 / 5))
      : min(inner.width - 24, ClassResponseTable.width(of: activations.classResponses))
    let left = Rect(x: inner.x, y: inner.y, width: inner.width - rightWidth - 1, height: inner.height)
    let right = Rect(x: left.maxX + 1, y: inner.y, width: rightWidth, height: inner.height)
    let detail = NeuronDetail(
      activations: activations, selected: view.selected, activation: activation, glyphs: glyphs, colors: colors)
    if activations.plane != nil {
      let tiles = Rect(x: left.x, y: left.y, width: left.width, height: left.height - 1)
      NeuronTiles(activations: activations, selected: view.selected, glyphs: glyphs, colors: colors)
        .render(in: tiles, buffer: &buffer)
      buffer.write(legend, x: left.x, y: left.maxY - 1, style: Style(dim: true), within: left)
      detail.render(in: right, buffer: &buffer)
    } else {
      detail.render(in: left, buffer: &buffer)
      if let responses = activations.classResponses {
        ClassResponseTable(responses: responses).render(in: right, buffer: &buffer)
      }
    }
  }
}
