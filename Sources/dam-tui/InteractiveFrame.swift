import DamTraining
import DamUI

/// Interim screen until DamUI's `view` lands: parameters, change markers, status bar and dialogs, drawn
/// with the existing widgets so the loop can be run and tested end to end.
enum InteractiveFrame {
  /// The whole screen for `state` and `snapshot`.
  static func render(state: AppState, snapshot: Snapshot, glyphs: GlyphSet) -> ScreenBuffer {
    let layout = state.layout
    var buffer = ScreenBuffer(width: layout.screen.width, height: layout.screen.height)
    guard !state.isTooSmall else {
      buffer.write("terminal too small: needs 60x16 (q quits)", x: 0, y: 0)
      return buffer
    }
    let parameters = Panel(title: "Parameters", isFocused: true, glyphs: glyphs)
    buffer.render(parameters, in: layout.parameters)
    buffer.render(
      ParameterList(rows: state.parameterRows, selectedIndex: state.selectedIndex),
      in: parameters.inner(layout.parameters))
    let chart = Panel(title: "Changes", glyphs: glyphs)
    buffer.render(chart, in: layout.chart)
    let inner = chart.inner(layout.chart)
    for (row, marker) in snapshot.history.markers.suffix(inner.height).enumerated() {
      buffer.write(marker.label, x: inner.x, y: inner.y + row, maxWidth: inner.width)
    }
    let evaluation = snapshot.evaluation
    buffer.render(
      StatusBar(
        state: state.runState, step: snapshot.step, epoch: snapshot.epoch,
        samplesPerSecond: snapshot.samplesPerSecond, trainingLoss: evaluation?.trainingLoss,
        validationLoss: evaluation?.validationLoss, accuracy: evaluation?.validationAccuracy,
        preset: state.preset.name, finding: state.statusMessage ?? snapshot.findings.first?.message),
      in: layout.status)
    if let dialog = state.dialog {
      buffer.render(Dialog(title: dialog.title, body: body(of: dialog, state: state), footer: dialog.footer, glyphs: glyphs), in: layout.screen)
    }
    return buffer
  }

  private static func body(of dialog: AppDialog, state: AppState) -> [String] {
    switch dialog {
    case .help: KeyMap.helpLines
    case .findings: []
    case .presetPicker(let selected):
      state.presets.enumerated().map { ($0.offset == selected ? "> " : "  ") + $0.element.name + "  " + $0.element.title }
    case .savePrompt(let field, let error): ["name: " + field.text] + (error.map { [$0] } ?? [])
    case .confirmOverwrite(let name): ["\(name) exists"]
    case .valueEntry(_, let field, let error): ["value: " + field.text] + (error.map { [$0] } ?? [])
    case .message(_, let lines): lines
    }
  }
}
