import DamScreen
import DamTraining

/// The selected unit in full: a caption, then, on a plane, its output drawn large (`ActivationTile`),
/// then its incoming weights and bias. The weights are an image (each input two cells wide) when the
/// unit is in the first layer and the inputs form one (8x8 digits, a square input
/// count), signed bars named by input column (or previous-layer unit) when they fit, else a
/// strip of cells, one per input, wrapped to the width; image and strip are shaded as the tiles are.
struct NeuronDetail: Widget {
  /// The activations shown.
  let activations: NeuronActivations
  /// The selected unit.
  let selected: NeuronView.Unit
  /// The network's activation function, for the caption.
  let activation: String
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true

  /// How many samples a cell shows: the decision map's choice.
  private var resolution: ScatterMap.Resolution { glyphs.isUnicode && colors ? .quadrants : .cells }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let layers = activations.hiddenLayers.isEmpty ? activations.layers : Array(activations.hiddenLayers)
    guard !area.isEmpty, layers.indices.contains(selected.layer) else { return }
    let layer = layers[selected.layer]
    guard selected.unit < layer.units else { return }
    let caption = "L\(selected.layer + 1) unit \(selected.unit + 1) of \(layer.units)  \(activation)"
    buffer.write(caption, x: area.x, y: area.y, style: Style(bold: true), within: area)
    var y = area.y + 1
    if let plane = activations.plane {
      let mapHeight = max(3, min(area.width / 2, (area.height - 1) * 3 / 5))
      let map = Rect(x: area.x, y: y, width: min(area.width, 2 * mapHeight), height: mapHeight)
      let scale = layer.outputs.lazy.filter(\.isFinite).map(abs).max() ?? 0
      ActivationTile(
        values: layer.outputs(of: selected.unit), columns: plane.size, rows: plane.size, scale: scale,
        resolution: resolution
      ).render(in: map.intersection(area), buffer: &buffer)
      y = map.maxY
    }
    let weights = Array(layer.incomingWeights(of: selected.unit))
    let bias = layer.biases[selected.unit]
    let rest = Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y))
    drawWeights(weights, bias: bias, in: rest, buffer: &buffer)
  }

  /// The incoming weights and the bias in `area`, as an image, bars or a strip.
  private func drawWeights(_ weights: [Float], bias: Float, in area: Rect, buffer: inout ScreenBuffer) {
    guard area.height >= 2 else { return }
    let faint = Style(dim: true)
    let scale = weights.lazy.filter(\.isFinite).map(abs).max() ?? 0
    let biasText = "bias \(SignedBars.signedText(bias))   max |w| \(NumberFormat.compact(Double(scale)))"
    if selected.layer == 0, let image = activations.inputImage, area.height >= image.height + 2 {
      buffer.write(
        "weights as \(image.width)x\(image.height) image", x: area.x, y: area.y, style: faint, within: area)
      let doubled = (0..<image.height).flatMap { row in
        (0..<2 * image.width).map { weights[row * image.width + $0 / 2] }
      }
      ActivationTile(
        values: doubled, columns: 2 * image.width, rows: image.height, scale: scale, resolution: resolution
      ).render(
        in: Rect(x: area.x, y: area.y + 1, width: min(area.width, 2 * image.width), height: image.height),
        buffer: &buffer)
      buffer.write(biasText, x: area.x, y: area.y + 1 + image.height, within: area)
      return
    }
    let names = inputNames(count: weights.count)
    if weights.count + 2 <= area.height {
      buffer.write("incoming weights", x: area.x, y: area.y, style: faint, within: area)
      let bars =
        zip(names, weights).map { SignedBars.Bar(label: $0, value: $1) } + [SignedBars.Bar(label: "bias", value: bias)]
      SignedBars(bars: bars, glyphs: glyphs)
        .render(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), buffer: &buffer)
      return
    }
    buffer.write("incoming weights, one cell each", x: area.x, y: area.y, style: faint, within: area)
    let columns = max(1, area.width)
    let rows = min((weights.count + columns - 1) / columns, area.height - 2)
    let padded = weights + [Float](repeating: 0, count: rows * columns - min(weights.count, rows * columns))
    ActivationTile(
      values: Array(padded.prefix(rows * columns)), columns: columns, rows: rows, scale: scale, resolution: resolution
    ).render(in: Rect(x: area.x, y: area.y + 1, width: columns, height: rows), buffer: &buffer)
    buffer.write(biasText, x: area.x, y: area.y + 1 + rows, within: area)
  }

  /// The names of the selected unit's `count` inputs: the data's columns for the first layer, else the
  /// previous layer's units (`L1.3`).
  private func inputNames(count: Int) -> [String] {
    if selected.layer == 0, activations.inputNames.count == count { return activations.inputNames }
    return (0..<count).map { "L\(selected.layer).\($0 + 1)" }
  }
}
