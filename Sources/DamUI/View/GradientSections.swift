import DamEngine
import DamScreen
import DamTraining

/// The three gradient views of one snapshot as widgets: bars of the latest per-layer gradient norms,
/// the heatmap of their history, and the layer health table. Layers are named L1...Ln, input side first.
struct GradientSections {
  /// The session's latest snapshot.
  let snapshot: Snapshot
  /// The steps the heatmap covers.
  let window: StepWindow
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  /// The rows `view` needs to show every layer with its axis (bars), legend (heatmap) or header (table).
  func preferredHeight(of view: GradientView) -> Int { layerCount(of: view) + 1 }

  /// The fewest rows that still show every layer: the bars and the heatmap can drop their axis and
  /// legend rows, the table cannot drop its header.
  func minimumHeight(of view: GradientView) -> Int {
    view == .health ? layerCount(of: view) + 1 : layerCount(of: view)
  }

  private func layerCount(of view: GradientView) -> Int {
    view == .heatmap ? snapshot.history.gradientNorms.count : snapshot.layers.count
  }

  /// Draws `view` into `area`.
  func render(_ view: GradientView, in area: Rect, buffer: inout ScreenBuffer) {
    switch view {
    case .bars:
      LogBars(layerValues: snapshot.layers.map(\.gradientNorm), glyphs: glyphs).render(in: area, buffer: &buffer)
    case .heatmap:
      heatmap(width: area.width).render(in: area, buffer: &buffer)
    case .health:
      LayerHealthTable(layers: snapshot.layers.enumerated().map { Self.health($0.offset, $0.element) }).render(
        in: area, buffer: &buffer)
    }
  }

  /// The heatmap of every layer's gradient-norm history inside `window`, one sample a column.
  private func heatmap(width: Int) -> Heatmap {
    let norms = snapshot.history.gradientNorms
    let labelWidth = "L\(norms.count)".count
    let columns = max(0, width - labelWidth - 3)
    let histories = norms.map { $0.sampledMeans(in: window, columns: columns) }
    return Heatmap(layerHistories: histories, glyphs: glyphs)
  }

  /// The health row of layer `index`.
  private static func health(_ index: Int, _ metrics: LayerMetrics) -> LayerHealth {
    LayerHealth(
      name: "L\(index + 1)", updateRatio: metrics.updateRatio, activationMean: metrics.activationMean,
      activationStd: metrics.activationStd, saturatedFraction: metrics.saturatedFraction,
      deadFraction: metrics.deadFraction)
  }
}
