import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: dialogs")
struct AppDialogTests {
  @Test("Esc closes every kind of dialog")
  func escapeClosesAll() {
    let dialogs: [[KeyInput]] = [
      [.character("?")], [.character("d")], [.character("p")], [.character("s")], [.enter],
      [.character("s"), .enter], [.character("s")] + "circle".map { .character($0) } + [.enter],
    ]
    for keys in dialogs {
      var state = makeAppState()
      for key in keys { press(&state, key) }
      #expect(state.dialog != nil)
      #expect(press(&state, .escape).isEmpty)
      #expect(state.dialog == nil, "\(keys)")
    }
    var state = makeAppState()
    send(&state, .presetLoadFailed(name: "broken", message: "broken.toml:3: bad"))
    press(&state, .escape)
    #expect(state.dialog == nil)
  }

  @Test("The picker moves with Down/j and Up/k, and Enter asks to load the chosen preset")
  func pickerLoads() {
    var state = makeAppState()
    press(&state, .character("p"), .down)
    #expect(state.dialog == .presetPicker(selected: 2))
    press(&state, .down)
    #expect(state.dialog == .presetPicker(selected: 2))
    press(&state, .character("k"), .character("k"), .up)
    #expect(state.dialog == .presetPicker(selected: 0))
    press(&state, .character("j"), .character("j"))
    #expect(press(&state, .enter) == [.loadPreset(name: "vanishing")])
    #expect(state.dialog == nil)
  }

  @Test("A loaded preset replaces the settings; one that fails shows its error and keeps the settings")
  func presetResults() {
    var state = makeAppState()
    press(&state, .right)
    let changed = state.settings
    send(&state, .presetLoadFailed(name: "broken", message: "broken.toml:3: learning_rate = 20 is out of range"))
    #expect(state.settings == changed)
    guard case .message(let title, let lines) = state.dialog else {
      Issue.record("no error dialog")
      return
    }
    #expect(title.contains("broken"))
    #expect(lines == ["broken.toml:3: learning_rate = 20 is out of range"])
    press(&state, .enter)
    var other = Preset(name: "vanishing", source: .builtIn)
    other.training.learningRate = 0.5
    send(&state, .presetLoaded(other))
    #expect(state.settings == other && state.preset == other)
    #expect(state.parameterRows[0].value == "0.5")
  }

  @Test("Saving under a new name asks to save without overwriting")
  func saveNewName() {
    var state = makeAppState()
    press(&state, .right, .character("s"))
    type(&state, "my-run")
    var expected = state.settings
    expected.name = "my-run"
    #expect(press(&state, .enter) == [.savePreset(expected, overwrite: false)])
    #expect(state.dialog == nil)
    send(&state, .presetSaved(name: "my-run", path: "presets/my-run.toml"))
    #expect(state.presets.map(\.name) == ["circle", "default", "my-run", "vanishing"])
  }

  @Test("Saving under an existing name asks before overwriting; n goes back to the name")
  func saveExistingName() {
    var state = makeAppState()
    press(&state, .character("s"))
    type(&state, "circle")
    #expect(press(&state, .enter).isEmpty)
    #expect(state.dialog == .confirmOverwrite(name: "circle"))
    press(&state, .character("n"))
    #expect(state.dialog == .savePrompt(TextField("circle"), error: nil))
    press(&state, .enter)
    var expected = state.settings
    expected.name = "circle"
    #expect(press(&state, .character("y")) == [.savePreset(expected, overwrite: true)])
  }

  @Test("A save refused because the file exists asks before overwriting")
  func saveRefusedAsks() {
    var state = makeAppState()
    send(&state, .presetSaveFailed(name: "mine", message: "presets/mine.toml exists", fileExists: true))
    #expect(state.dialog == .confirmOverwrite(name: "mine"))
  }

  @Test("The save prompt rejects an empty or unsafe name and edits with Backspace and arrows")
  func saveNameRules() {
    var state = makeAppState()
    press(&state, .character("s"), .enter)
    guard case .savePrompt(_, let error?) = state.dialog else {
      Issue.record("empty name accepted")
      return
    }
    #expect(error.contains("name"))
    type(&state, "../x")
    #expect(press(&state, .enter).isEmpty)
    press(&state, .backspace, .backspace, .backspace, .backspace)
    type(&state, "ac")
    press(&state, .left)
    type(&state, "b")
    guard case .savePrompt(let field, _) = state.dialog else { return }
    #expect(field.text == "abc" && field.cursor == 2)
  }

  @Test("Value entry applies a typed value, validated as in a preset")
  func valueEntryApplies() throws {
    var state = makeAppState()
    press(&state, .enter)
    for _ in 0..<4 { press(&state, .backspace) }
    type(&state, "0.5")
    #expect(press(&state, .enter) == [try setting("training.learning_rate=0.5")])
    #expect(state.dialog == nil)
    #expect(state.settings.training.learningRate == 0.5)
  }

  @Test("Value entry rejects an out-of-range value and shows the allowed range")
  func valueEntryRejects() {
    var state = makeAppState()
    press(&state, .enter)
    for _ in 0..<4 { press(&state, .backspace) }
    type(&state, "20")
    #expect(press(&state, .enter).isEmpty)
    guard case .valueEntry(.learningRate, let field, let error?) = state.dialog else {
      Issue.record("no error shown")
      return
    }
    #expect(field.text == "20")
    #expect(error.contains("(0, 10]"))
    #expect(state.settings.training.learningRate == 0.03)
  }

  @Test("Value entry takes choices by name and the hidden layout as a list, which waits for i")
  func valueEntryChoicesAndLayout() throws {
    var state = makeAppState()
    select(.activation, in: &state)
    press(&state, .enter)
    for _ in 0..<10 { press(&state, .backspace) }
    type(&state, "relu")
    #expect(press(&state, .enter) == [try setting("model.activation=relu")])
    select(.hidden, in: &state)
    press(&state, .enter)
    for _ in 0..<10 { press(&state, .backspace) }
    type(&state, "[32, 32, 32]")
    #expect(press(&state, .enter) == [try setting("model.hidden=[32, 32, 32]")])
    #expect(state.parameterRows[state.selectedIndex] == .init(name: "hidden", value: "[32, 32, 32]", isPending: true))
    press(&state, .character("i"))
    #expect(!state.parameterRows[state.selectedIndex].isPending)
  }

  @Test("Inside a text entry q is typed; elsewhere in dialogs it quits; Ctrl-C always quits")
  func quitInDialogs() {
    var state = makeAppState()
    press(&state, .character("s"))
    #expect(press(&state, .character("q")).isEmpty)
    #expect(state.dialog == .savePrompt(TextField("q"), error: nil))
    #expect(press(&state, .controlC) == [.quit])
    for opener in [KeyInput.character("?"), .character("p"), .character("d")] {
      var state = makeAppState()
      press(&state, opener)
      #expect(press(&state, .character("q")) == [.quit], "\(opener)")
    }
  }

  @Test("The help scrolls within its lines; ? turns to the guide page")
  func helpScrolls() {
    var state = makeAppState()
    press(&state, .character("?"), .up)
    #expect(state.dialog == .help(scroll: 0))
    press(&state, .down, .character("j"))
    #expect(state.dialog == .help(scroll: 2))
    for _ in 0..<10 { press(&state, .pageDown) }
    let lines = DialogLines.help(width: state.layout.dialogBodyWidth).count
    #expect(state.dialog == .help(scroll: AppLayout.maxScroll(lineCount: lines, visibleRows: state.layout.dialogRows)))
    press(&state, .character("?"))
    #expect(state.dialog == .guide(scroll: 0))
  }

  @Test("Settings the session reports (after a rewind) replace the shown ones; pending model edits stay")
  func sessionSettingsAdopted() {
    var state = makeAppState()
    select(.initializer, in: &state)
    press(&state, .right)
    var reported = state.settings
    reported.training.learningRate = 0.01
    reported.model.activation = .relu
    var model = state.preset.model
    model.activation = .relu
    send(&state, .sessionSettings(.main, settings: reported, appliedModel: model))
    #expect(state.parameterRows[0].value == "0.01")
    #expect(state.settings.model.activation == .relu)
    #expect(state.parameterRows[state.selectedIndex].isPending)
    send(&state, .presetListings([PresetListing(name: "only", title: "Only", description: "")]))
    #expect(state.presets.map(\.name) == ["only"])
    #expect(press(&state, .character("p"), .enter) == [.loadPreset(name: "only")])
  }
}
