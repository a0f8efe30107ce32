import DamScreen
import DamTraining

/// The data panel beside the loss chart: the decision-boundary map with the training points when the
/// snapshot has one (2-D inputs), else the validation confusion matrix when it has one, else the
/// accuracy chart. A panel at least `sharedMinimumHeight` rows tall shows the accuracy chart under the
/// map or matrix as well, when the run has accuracies.
struct DataPanel: Widget {
  /// What the panel shows, top to bottom.
  enum Content: Equatable {
    /// The decision-boundary map, with the accuracy chart under it when `withAccuracy`.
    case decisionMap(withAccuracy: Bool)
    /// The confusion matrix, with the accuracy chart under it when `withAccuracy`.
    case confusion(withAccuracy: Bool)
    /// The accuracy chart alone.
    case accuracy
  }

  /// The height from which the map or matrix shares the panel with the accuracy chart.
  static let sharedMinimumHeight = 26
  /// The fewest rows the shared accuracy chart gets, border included.
  static let sharedAccuracyMinimumHeight = 10

  /// The session's latest snapshot.
  let snapshot: Snapshot
  /// The steps the accuracy chart shows.
  let window: StepWindow
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true
  /// While forked, the branch shown ("A" or "B"), named in the decision map's title.
  var branch: String?

  /// What a panel `height` rows tall shows.
  func content(height: Int) -> Content {
    let withAccuracy = height >= Self.sharedMinimumHeight && snapshot.history.validationAccuracy.pointCount > 0
    if snapshot.decisionMap != nil { return .decisionMap(withAccuracy: withAccuracy) }
    if snapshot.confusion != nil { return .confusion(withAccuracy: withAccuracy) }
    return .accuracy
  }

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let accuracy = AccuracyPanel(snapshot: snapshot, window: window, glyphs: glyphs)
    switch content(height: area.height) {
    case .decisionMap(let withAccuracy):
      guard let map = snapshot.decisionMap else { return }
      let (top, bottom) = split(area, topHeight: withAccuracy ? area.height * 3 / 5 : area.height)
      var mapPanel = DecisionMapPanel(map: map, labels: snapshot.confusion?.labels, glyphs: glyphs, colors: colors)
      if let branch { mapPanel.title = "Branch \(branch): decision map" }
      mapPanel.render(in: top, buffer: &buffer)
      if !bottom.isEmpty { accuracy.render(in: bottom, buffer: &buffer) }
    case .confusion(let withAccuracy):
      guard let confusion = snapshot.confusion else { return }
      let matrixHeight = min(confusion.labels.count + 3, area.height - Self.sharedAccuracyMinimumHeight)
      let (top, bottom) = split(area, topHeight: withAccuracy ? matrixHeight : area.height)
      ConfusionPanel(confusion: confusion, glyphs: glyphs).render(in: top, buffer: &buffer)
      if !bottom.isEmpty { accuracy.render(in: bottom, buffer: &buffer) }
    case .accuracy:
      accuracy.render(in: area, buffer: &buffer)
    }
  }

  /// `area` cut into its top `topHeight` rows and the rest.
  private func split(_ area: Rect, topHeight: Int) -> (top: Rect, bottom: Rect) {
    let top = Rect(x: area.x, y: area.y, width: area.width, height: topHeight)
    return (top, Rect(x: area.x, y: top.maxY, width: area.width, height: area.height - topHeight))
  }
}
