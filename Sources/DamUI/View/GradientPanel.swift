import DamScreen
import DamTraining

/// The gradient panel: the view `g` selects (per-layer gradient-norm bars with the healthy band, the
/// layers x time heatmap of gradient norms, or the per-layer health table) fills the panel, and the
/// other views join it, each under a caption, wherever they fit whole: beside it on wide panels, below
/// it on tall ones.
struct GradientPanel: Widget {
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// The steps the heatmap covers; nil without a snapshot.
  let window: StepWindow?
  /// The view shown first.
  let view: GradientView
  /// Whether the panel has keyboard focus.
  let isFocused: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// While forked, the branch shown ("A" or "B"), named in the title.
  var branch: String?

  /// The inner width from which the other views go beside the first rather than below it.
  static let sideBySideWidth = 100

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: (branch.map { "Branch \($0): " } ?? "") + view.title, isFocused: isFocused, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    guard let snapshot, let window, !snapshot.layers.isEmpty else {
      PlaceholderText(text: "waiting for the first step").render(in: inner, buffer: &buffer)
      return
    }
    let sections = GradientSections(snapshot: snapshot, window: window, glyphs: glyphs)
    let others = [view.next, view.next.next]
    if inner.width >= Self.sideBySideWidth {
      let leftWidth = (inner.width - 2) / 2
      sections.render(view, in: Rect(x: inner.x, y: inner.y, width: leftWidth, height: inner.height), buffer: &buffer)
      let right = Rect(
        x: inner.x + leftWidth + 2, y: inner.y, width: inner.maxX - inner.x - leftWidth - 2, height: inner.height)
      renderCaptioned(others, sections: sections, in: right, buffer: &buffer)
    } else {
      let primaryHeight = min(inner.height, sections.preferredHeight(of: view))
      sections.render(
        view, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: primaryHeight), buffer: &buffer)
      let rest = Rect(x: inner.x, y: inner.y + primaryHeight, width: inner.width, height: inner.height - primaryHeight)
      renderCaptioned(others, sections: sections, in: rest, buffer: &buffer)
    }
  }

  /// Draws each of `views` that shows every layer under a caption with its title, top to bottom in
  /// `area`, with its legend row when that fits too; a view that does not fit is named on a row of its
  /// own, saying that `g` shows it, so no view disappears silently.
  private func renderCaptioned(
    _ views: [GradientView], sections: GradientSections, in area: Rect, buffer: inout ScreenBuffer
  ) {
    var y = area.y
    for view in views {
      let room = area.maxY - y - 1
      guard room >= sections.minimumHeight(of: view) else {
        if y < area.maxY {
          buffer.write(
            "\(view.title): no room for every layer, g shows it", x: area.x, y: y, style: Style(dim: true), within: area
          )
          y += 1
        }
        continue
      }
      let height = min(room, sections.preferredHeight(of: view))
      buffer.write(view.title, x: area.x, y: y, style: Style(bold: true, dim: true), within: area)
      sections.render(view, in: Rect(x: area.x, y: y + 1, width: area.width, height: height), buffer: &buffer)
      y += 1 + height
    }
  }
}
