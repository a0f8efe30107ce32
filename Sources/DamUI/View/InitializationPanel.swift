import DamScreen
import DamTraining

/// The initialization explorer (`I`, in place of the gradient panel): for each initializer of the
/// survey, the standard deviation of every dense layer's output (left) and the norm of every layer's
/// weight gradient (right) against depth, input side first, each side on its own shared log scale
/// (`DepthProfile`). A flat row keeps the signal's size through the network; a falling one vanishes, a
/// rising one explodes. The run's own initializer is marked `*`; a row whose hidden units are all
/// identical (zeros) says so.
struct InitializationPanel: Widget {
  /// The explorer's state.
  let explorer: InitializationExplorer
  /// Whether the panel has keyboard focus.
  let isFocused: Bool
  /// The glyphs to draw with.
  let glyphs: GlyphSet

  /// The panel title.
  static let title = "Initializers before training (I: gradients)"

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let panel = Panel(title: Self.title, isFocused: isFocused, glyphs: glyphs)
    panel.render(in: area, buffer: &buffer)
    let inner = panel.inner(area)
    switch explorer.outcome {
    case nil:
      PlaceholderText(text: "comparing initializers on one batch...").render(in: inner, buffer: &buffer)
    case .failed(let message):
      PlaceholderText(text: "cannot compare initializers: \(message)").render(in: inner, buffer: &buffer)
    case .surveyed(let survey):
      draw(survey, in: inner, buffer: &buffer)
    }
  }

  private func draw(_ survey: InitializationSurvey, in inner: Rect, buffer: inout ScreenBuffer) {
    guard inner.height >= 2 else { return }
    let profiles = survey.profiles
    let legendRows = inner.height >= profiles.count + 3 ? 2 : 0
    let rows = min(profiles.count, inner.height - 1 - legendRows)
    let leftWidth = (inner.width + 1) / 2 + 4
    let left = Rect(x: inner.x, y: inner.y + 1, width: leftWidth, height: rows)
    let right = Rect(
      x: inner.x + leftWidth + 1, y: inner.y + 1, width: max(0, inner.maxX - inner.x - leftWidth - 1), height: rows)
    let heading = Style(bold: true)
    buffer.write("act std by depth (log)", x: left.x, y: inner.y, style: heading, within: inner)
    buffer.write("grad norm by depth (log)", x: right.x, y: inner.y, style: heading, within: inner)
    let shown = Array(profiles.prefix(rows))
    let labels = shown.map { ($0.candidate.isCurrent ? "*" : " ") + $0.candidate.label }
    DepthProfile(
      rows: zip(shown, labels).map { profile, label in
        DepthProfile.Row(
          label: label, values: profile.activationStds, note: profile.hasIdenticalUnits ? "identical" : nil,
          style: style(of: profile))
      }, glyphs: glyphs
    ).render(in: left, buffer: &buffer)
    DepthProfile(
      rows: shown.map { DepthProfile.Row(label: "", values: $0.gradientNorms, style: style(of: $0)) }, glyphs: glyphs
    ).render(in: right, buffer: &buffer)
    guard legendRows > 0 else { return }
    let notes = [
      "healthy: a flat row; L1..out left to right; x = last/first; * this run's init",
      "zeros: every unit identical; tiny init vanishes; sigma 1 saturates or explodes",
    ]
    for (offset, note) in notes.enumerated() {
      buffer.write(note, x: inner.x, y: inner.maxY - legendRows + offset, style: Style(dim: true), within: inner)
    }
  }

  /// Bold for the run's own initializer.
  private func style(of profile: InitializationProfile) -> Style {
    profile.candidate.isCurrent ? Style(bold: true) : .plain
  }
}
