import DamTraining
import Testing

@testable import DamUI

@Suite("Scroll limits, data panel hit-testing, h/l/L, clip norm off")
struct AppPolishTests {
  @Test("Over-scrolled help comes back up with one Up: the limit is the last screenful the view shows")
  func helpScrollLimit() {
    var state = makeAppState()
    let lines = DialogLines.help(width: state.layout.dialogBodyWidth)
    let limit = AppLayout.maxScroll(lineCount: lines.count, visibleRows: state.layout.dialogRows)
    #expect(limit > 0 && limit < lines.count - 1)
    press(&state, .character("?"))
    for _ in 0..<10 { press(&state, .pageDown) }
    #expect(state.dialog == .help(scroll: limit))
    #expect(screenText(state).contains("(\(limit + 1)-\(lines.count) of \(lines.count))"))
    press(&state, .up)
    #expect(screenText(state).contains("(\(limit)-\(lines.count - 1) of \(lines.count))"))
    send(&state, .resize(width: 80, height: lines.count + 6))
    let taller = AppLayout.maxScroll(lineCount: lines.count, visibleRows: state.layout.dialogRows)
    #expect(taller == 0 && state.dialog == .help(scroll: 0))
  }

  @Test("Over-scrolled findings come back up with one Up, and a shorter list pulls the scroll back")
  func findingsScrollLimit() {
    var state = makeAppState()
    let many = (1...40).map {
      Finding(id: .vanishingGradients, severity: .info, evidence: "finding number \($0)", fix: "x")
    }
    send(&state, .findings(many))
    press(&state, .character("d"))
    for _ in 0..<10 { press(&state, .pageDown) }
    let lines = DialogLines.findings(state, width: state.layout.dialogTextWidth)
    let limit = lines.count - state.layout.dialogRows
    #expect(state.dialog == .findings(scroll: limit))
    press(&state, .up)
    #expect(state.dialog == .findings(scroll: limit - 1))
    #expect(screenText(state).contains(lines[limit - 1]))
    send(&state, .findings(Array(many.prefix(3))))
    #expect(state.dialog == .findings(scroll: 0))
  }

  @Test("Without data for the data panel the chart takes its place, and a click there focuses the chart")
  func unusedDataPanel() {
    var state = makeAppState(width: 120, height: 40)
    let data = state.layout.data
    #expect(!data.isEmpty)
    send(&state, .dataPanel(inUse: false))
    #expect(state.layout.data.isEmpty && state.layout.chart.maxX == data.maxX)
    send(&state, .mouse(.click(x: data.x + 3, y: data.y + 3)))
    #expect(state.focus == .chart)
    #expect(screenText(state).split(separator: "\n").first?.contains("Accuracy") == false)
    send(&state, .resize(width: 200, height: 60))
    #expect(state.layout.data.isEmpty)
  }

  @Test("A snapshot brings the findings, the recorded changes and the data panel's use into the state, once")
  func eventsFollowingSnapshot() {
    var state = makeAppState(width: 120, height: 40)
    let classification = ViewFixture.snapshot()
    let markers = classification.history.markers
    #expect(state.events(following: classification) == [.findings(ViewFixture.findings), .changes(markers)])
    let regression = ViewFixture.snapshot(classification: false, findings: [])
    let events = state.events(following: regression)
    #expect(events == [.changes(markers), .dataPanel(inUse: false)])
    for event in events { send(&state, event) }
    #expect(state.events(following: regression).isEmpty)
    #expect(state.layout.data.isEmpty)
    var beforeEvaluation = regression
    beforeEvaluation.evaluation = nil
    #expect(makeAppState(width: 120, height: 40).events(following: beforeEvaluation) == [.changes(markers)])
  }

  @Test("A regression preset starts without the data panel")
  func regressionPresetHasNoDataPanel() {
    var preset = Preset(name: "plane", source: .builtIn)
    preset.data.dataset = .plane
    let state = AppState(preset: preset, presets: [], width: 200, height: 60)
    #expect(state.layout.data.isEmpty)
    #expect(state.layout.chart.maxX == state.layout.gradients.maxX)
  }

  @Test("h and l adjust only in the parameter panel, l toggles the scale only in the chart panel, L anywhere")
  func lowerRaiseAndLogLinear() throws {
    var state = makeAppState()
    #expect(press(&state, .character("l")) == [try setting("training.learning_rate=0.0315")])
    #expect(state.chartScale == .logarithmic)
    press(&state, .tab)
    press(&state, .character("l"))
    #expect(state.chartScale == .linear)
    press(&state, .tab)
    #expect(press(&state, .character("l")).isEmpty && press(&state, .character("h")).isEmpty)
    #expect(state.chartScale == .linear)
    press(&state, .character("y"))
    #expect(state.chartScale == .logarithmic)
  }

  @Test("The help explains h, l and y in one row, with the panel each applies in")
  func helpRowForHAndL() {
    let rows = KeyMap.helpLines.filter { $0.hasPrefix("h ") || $0.hasPrefix("l ") || $0.hasPrefix("y ") }
    #expect(
      rows == [
        "h l y".padding(KeyMap.helpKeyColumnWidth)
          + "h/l: lower/raise (parameters panel); l: log/linear (chart panel), y anywhere"
      ])
    #expect(!KeyMap.helpLines.contains { $0.contains("raise the value (parameter") })
  }

  @Test("Clip norm steps down from its smallest value to off and up from off to 1")
  func clipNormOff() throws {
    var state = makeAppState()
    select(.clipNorm, in: &state)
    press(&state, .right)
    #expect(state.settings.training.clipNorm == 1)
    press(&state, .enter, .backspace, .backspace, .backspace)
    type(&state, "0.01")
    press(&state, .enter)
    #expect(state.parameterRows[state.selectedIndex].value == "0.01")
    #expect(press(&state, .left) == [try setting("training.clip_norm=0.0")])
    #expect(state.settings.training.clipNorm == nil)
    #expect(state.parameterRows[state.selectedIndex].value == "off")
    #expect(press(&state, .right) == [try setting("training.clip_norm=1.0")])
  }

  @Test("Enter takes off or 0 for the clip norm, and the entry shows off while clipping is off")
  func clipNormTypedOff() throws {
    for typed in ["off", "OFF", "0"] {
      var state = makeAppState()
      select(.clipNorm, in: &state)
      press(&state, .right, .enter)
      press(&state, .backspace, .backspace, .backspace)
      type(&state, typed)
      #expect(press(&state, .enter) == [try setting("training.clip_norm=0")], "\(typed)")
      #expect(state.settings.training.clipNorm == nil && state.dialog == nil)
      press(&state, .enter)
      guard case .valueEntry(_, let field, _) = state.dialog else {
        Issue.record("no value entry")
        continue
      }
      #expect(field.text == "off")
    }
  }
}

extension String {
  /// The string padded with spaces to `width` characters.
  fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// The whole screen of `state` without a snapshot, as lines joined by newlines.
private func screenText(_ state: AppState) -> String {
  let buffer = view(state, snapshot: nil, glyphs: .ascii)
  return (0..<buffer.height).map { buffer.line($0) }.joined(separator: "\n")
}
