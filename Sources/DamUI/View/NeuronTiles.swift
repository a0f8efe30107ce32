import DamScreen
import DamTraining

/// Every hidden unit's output over the input plane as a small tile, one block per layer headed
/// `L1  32 units  max |a| 0.98`, input side first, tiles left to right and wrapping; the selected tile is marked
/// `>` on its left. The tiles take the largest size at which every layer fits (8x4 down to 2x1 cells);
/// when even the smallest does not, the blocks start at a later layer so the selected one shows. Each
/// layer shares one scale: its largest |activation| on the plane is drawn fully sure.
struct NeuronTiles: Widget {
  /// The activations shown.
  let activations: NeuronActivations
  /// The selected unit.
  let selected: NeuronView.Unit
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true

  /// Tile sizes in cells, largest first.
  static let tileSizes: [(width: Int, height: Int)] = [(8, 4), (6, 3), (4, 2), (2, 1)]

  /// The layers shown as tiles: the hidden ones, or the output layer of a network without any.
  var layers: [NeuronActivations.Layer] {
    activations.hiddenLayers.isEmpty ? activations.layers : Array(activations.hiddenLayers)
  }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    guard let plane = activations.plane, !area.isEmpty else { return }
    let size = Self.tileSizes.first { height(of: layers, tile: $0, width: area.width) <= area.height }
    let tile = size ?? Self.tileSizes[Self.tileSizes.count - 1]
    var first = 0
    while first < selected.layer
      && height(of: Array(layers[first...selected.layer]), tile: tile, width: area.width) > area.height
    {
      first += 1
    }
    let resolution: ScatterMap.Resolution = glyphs.isUnicode && colors ? .quadrants : .cells
    let perRow = max(1, (area.width - 1) / (tile.width + 1))
    var y = area.y
    for index in first..<layers.count {
      guard y < area.maxY else { break }
      let layer = layers[index]
      let scale = layer.outputs.lazy.filter(\.isFinite).map(abs).max() ?? 0
      buffer.write(
        "L\(index + 1)  \(layer.units) units  max |a| \(NumberFormat.compact(Double(scale)))", x: area.x, y: y,
        style: Style(bold: index == selected.layer), within: area)
      y += 1
      for unit in 0..<layer.units {
        let row = unit / perRow
        let x = area.x + 1 + (unit % perRow) * (tile.width + 1)
        let top = y + row * (tile.height + gap(tile))
        let rect = Rect(x: x, y: top, width: tile.width, height: tile.height).intersection(area)
        guard !rect.isEmpty else { continue }
        ActivationTile(
          values: layer.outputs(of: unit), columns: plane.size, rows: plane.size, scale: scale, resolution: resolution
        ).render(in: rect, buffer: &buffer)
        if index == selected.layer && unit == selected.unit {
          buffer[x - 1, top + (tile.height - 1) / 2] = Cell(">", style: Style(foreground: .yellow, bold: true))
        }
      }
      y += rows(units: layer.units, perRow: perRow) * (tile.height + gap(tile))
    }
  }

  /// Rows between two rows of tiles: one for tiles at least 3 rows tall.
  private func gap(_ tile: (width: Int, height: Int)) -> Int { tile.height >= 3 ? 1 : 0 }

  /// Rows of tiles a layer of `units` takes at `perRow` tiles a row.
  private func rows(units: Int, perRow: Int) -> Int { (units + perRow - 1) / perRow }

  /// The rows `layers` take with `tile`-sized tiles in `width` columns, headings included.
  private func height(of layers: [NeuronActivations.Layer], tile: (width: Int, height: Int), width: Int) -> Int {
    let perRow = max(1, (width - 1) / (tile.width + 1))
    return layers.reduce(0) { $0 + 1 + rows(units: $1.units, perRow: perRow) * (tile.height + gap(tile)) }
  }
}
