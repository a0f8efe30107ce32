import DamScreen
import DamTraining

/// The validation confusion matrix in a panel: actual classes down, predicted across, with recall.
struct ConfusionPanel: Widget {
  /// The counts to show.
  let confusion: ConfusionCounts
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: "Confusion (validation)", glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    ConfusionMatrix(counts: confusion.counts, labels: confusion.labels, glyphs: glyphs)
      .render(in: panel.inner(area), buffer: &buffer)
  }
}
