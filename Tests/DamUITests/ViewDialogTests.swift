import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("Dialogs over the screen")
struct ViewDialogTests {
  /// The screen's text, one string.
  private func text(_ state: AppState) -> String { ViewFixture.screen(state).lines.joined(separator: "\n") }

  @Test("? draws the key help over the main screen, counting the lines shown when they do not all fit")
  func help() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("?"))
    expectSnapshot(
      ViewFixture.screen(state, glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|+[ Keys (page 1 of 2) ]------------------------------------------------------+|",
        "|| Up k               select the previous parameter                           ||",
        "|| Down j             select the next parameter                               ||",
        "|| Right +            raise the value (next choice)                           ||",
        "|| Left -             lower the value (previous choice)                       ||",
        "|| h l y              h/l: lower/raise (parameters panel); l: log/linear      ||",
        "||                    (chart panel), y anywhere                               ||",
        "|| Shift-Right PgUp   raise by a large step                                   ||",
        "|| Shift-Left PgDn    lower by a large step                                   ||",
        "|| Enter              type an exact value                                     ||",
        "|| Space              pause / resume training                                 |+",
        "|| < > , .            train slower / faster: 1 step/s up to max (200 steps/s  |+",
        "||                    at start)                                               ||",
        "|| n                  take one step while paused                              ||",
        "|| i                  re-initialize the weights (applies pending *)           ||",
        "|| r                  reset every setting to the preset                       ||",
        "|| u                  rewind: last finite checkpoint, or undo the last change ||",
        "|| p                  pick another preset                                     ||",
        "|| s                  save the settings as a new preset                       ||",
        "||                                                                            ||",
        "+| ?: next page  Up/Down: scroll  Esc: close  (1-18 of 50)                    |+",
        "r+----------------------------------------------------------------------------+ ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
    press(&state, .down)
    let count = DialogLines.help(width: state.layout.dialogBodyWidth).count
    #expect(text(state).contains("(2-19 of \(count))"))
  }

  @Test("d lists every finding with its severity, wrapped to the screen")
  func findings() {
    var state = makeAppState(width: 80, height: 24)
    send(&state, .findings(ViewFixture.findings))
    press(&state, .character("d"))
    let screen = text(state)
    #expect(screen.contains("Findings"))
    #expect(screen.contains("warning: vanishing gradients in layer 1: try relu or he-normal"))
    #expect(screen.contains("info: validation loss 8% above its best: try more L2 or dropout"))
  }

  @Test("The findings dialog says so when nothing is wrong")
  func noFindings() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("d"))
    let screen = view(state, snapshot: ViewFixture.snapshot(findings: []), glyphs: .braille)
    #expect(screen.lines.contains { $0.contains("No findings: nothing looks wrong right now.") })
  }

  @Test("The preset picker lists name and title, marks the choice, and describes it")
  func presetPicker() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("p"), .down)
    let screen = ViewFixture.screen(state)
    let row = screen.lines.firstIndex { $0.contains("> vanishing  Vanishing gradients") }
    #expect(row != nil)
    #expect(screen.lines.contains { $0.contains("  circle     A circle") })
    #expect(screen.lines.contains { $0.contains("Sigmoid, ten layers deep.") })
    if let row, let column = Array(screen.lines[row]).firstIndex(of: ">") {
      #expect(screen[column, row].style.reverse)
    }
  }

  @Test("Value entry shows the parameter, the allowed values, the typed text and the error in red")
  func valueEntry() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .enter)
    #expect(text(state).contains("Set learning rate"))
    #expect(text(state).contains("Allowed: a number in (0, 10]."))
    #expect(text(state).contains("learning rate: [0.03"))
    press(&state, .backspace, .backspace, .backspace, .backspace, .character("2"), .character("0"), .enter)
    let screen = ViewFixture.screen(state)
    let errorRow = screen.lines.firstIndex { $0.contains("(allowed: a number in (0, 10])") }
    #expect(errorRow != nil)
    if let errorRow, let column = Array(screen.lines[errorRow]).firstIndex(of: "(") {
      #expect(screen[column, errorRow].style.foreground == .red)
    }
  }

  @Test("s asks for a preset name in a text field")
  func savePrompt() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("s"))
    type(&state, "mine")
    #expect(text(state).contains("Save settings as a preset"))
    #expect(text(state).contains("name: [mine"))
  }

  @Test("A preset that fails to load shows its error over the running screen")
  func loadError() {
    var state = makeAppState(width: 80, height: 24)
    send(&state, .presetLoadFailed(name: "broken", message: "line 3: unknown key 'speed'"))
    let screen = text(state)
    #expect(screen.contains("Cannot load preset broken"))
    #expect(screen.contains("line 3: unknown key 'speed'"))
    #expect(screen.contains("Loss (whole run)"))
  }
}

@Suite("Dialog text wrapping")
struct ViewTextWrapTests {
  @Test("Text wraps at spaces, breaks words longer than a line, and keeps its line breaks")
  func wrapping() {
    #expect(TextWrap.lines("try relu or he-normal", width: 10) == ["try relu", "or", "he-normal"])
    #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    #expect(TextWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
    #expect(TextWrap.lines("", width: 10) == [""])
  }
}
