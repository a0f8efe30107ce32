import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: main-screen keys")
struct AppKeyTests {
  @Test("At start the learning rate is selected, the parameters have focus, the chart is log and whole-run")
  func initialState() {
    let state = makeAppState()
    #expect(state.selectedParameter == .learningRate)
    #expect(state.focus == .parameters)
    #expect(state.chartScale == .logarithmic)
    #expect(state.zoom == .wholeRun)
    #expect(state.gradientView == .bars)
    #expect(state.dialog == nil)
    #expect(!state.isTooSmall)
  }

  @Test("Down and j select the next parameter, Up and k the previous; selection stops at both ends")
  func selection() {
    var state = makeAppState()
    press(&state, .down)
    #expect(state.selectedParameter == .l1)
    press(&state, .character("j"))
    #expect(state.selectedParameter == .l2)
    press(&state, .up)
    #expect(state.selectedParameter == .l1)
    press(&state, .character("k"), .character("k"), .up)
    #expect(state.selectedIndex == 0)
    for _ in 0..<40 { press(&state, .down) }
    #expect(state.selectedParameter == ParameterCatalog.parameters.last)
  }

  @Test("Right, + and l raise the learning rate one step on the log grid and send the setting")
  func raise() throws {
    for key in [KeyInput.right, .character("+"), .character("l")] {
      var state = makeAppState()
      let effects = press(&state, key)
      #expect(effects == [try setting("training.learning_rate=0.0315")], "\(key)")
      #expect(state.settings.training.learningRate == 0.0315)
      #expect(state.parameterRows[0].value == "0.0315")
    }
  }

  @Test("Left, - and h lower the learning rate one step")
  func lower() throws {
    for key in [KeyInput.left, .character("-"), .character("h")] {
      var state = makeAppState()
      #expect(press(&state, key) == [try setting("training.learning_rate=0.025")], "\(key)")
    }
  }

  @Test("Shift-Right and PgUp raise ten-fold, Shift-Left and PgDn lower ten-fold")
  func largeSteps() throws {
    for (key, expected) in [
      (KeyInput.shiftRight, "0.3"), (.pageUp, "0.3"), (.shiftLeft, "0.003"), (.pageDown, "0.003"),
    ] {
      var state = makeAppState()
      #expect(press(&state, key) == [try setting("training.learning_rate=\(expected)")], "\(key)")
    }
  }

  @Test("l toggles log/linear when the chart has focus, y anywhere; h only adjusts in the parameter panel")
  func logLinear() {
    var state = makeAppState()
    press(&state, .character("y"))
    #expect(state.chartScale == .linear)
    press(&state, .tab)
    #expect(press(&state, .character("l")).isEmpty)
    #expect(state.chartScale == .logarithmic)
    #expect(press(&state, .character("h")).isEmpty)
    #expect(state.settings.training.learningRate == 0.03)
  }

  @Test("Enter opens the value entry for the selected parameter, holding its exact value")
  func enterTypesValue() {
    var state = makeAppState()
    press(&state, .enter)
    #expect(state.dialog == .valueEntry(.learningRate, TextField("0.03"), error: nil))
  }

  @Test("Space pauses a running session and resumes a paused or diverged one")
  func space() {
    var state = makeAppState()
    #expect(press(&state, .character(" ")) == [.send(.pause)])
    #expect(state.runState == .paused)
    #expect(press(&state, .character(" ")) == [.send(.resume)])
    #expect(state.runState == .running)
    send(&state, .runState(.diverged))
    #expect(press(&state, .character(" ")) == [.send(.resume)])
  }

  @Test("n takes one step while paused; while running it only explains")
  func stepOnce() {
    var state = makeAppState()
    #expect(press(&state, .character("n")).isEmpty)
    #expect(state.statusMessage?.contains("paused") == true)
    press(&state, .character(" "))
    #expect(press(&state, .character("n")) == [.send(.step(count: 1))])
  }

  @Test("> and . train faster, < and , slower, along the speed ladder; every branch gets the new speed")
  func speed() throws {
    var state = makeAppState()
    #expect(state.speed == .interactiveDefault)
    let faster = try TrainingSpeed(stepsPerSecond: 500)
    #expect(press(&state, .character(">")) == [.setSpeed(faster)])
    #expect(state.speed == faster)
    #expect(state.statusMessage == "training at most 500 steps/s (< slower, > faster)")
    #expect(press(&state, .character(",")) == [.setSpeed(.interactiveDefault)])
    #expect(press(&state, .character("<")) == [.setSpeed(try TrainingSpeed(stepsPerSecond: 100))])
    for _ in 0..<20 { press(&state, .character(".")) }
    #expect(state.speed == .maximum)
    #expect(state.statusMessage == "training at max speed: no limit on steps per second (< slower)")
    for _ in 0..<30 { press(&state, .character("<")) }
    #expect(state.speed.stepsPerSecond == 1)
    // The speed is not a setting of the run: it is neither pending nor a change on the chart.
    #expect(state.settings == state.preset)
    let started = AppState(preset: state.preset, presets: [], width: 80, height: 24, speed: .maximum)
    #expect(started.speed == .maximum)
  }

  @Test("i re-initializes and clears the pending marks, keeping the old run (drawn with xavier-uniform) as a ghost")
  func reinitialize() throws {
    var state = makeAppState()
    select(.initializer, in: &state)
    #expect(press(&state, .right) == [try setting("model.init=xavier-normal")])
    #expect(state.parameterRows[state.selectedIndex].isPending)
    let effects = press(&state, .character("i"))
    #expect(effects.last == .send(.reinitialize))
    guard case .captureGhost(let ghost) = effects.first else {
      Issue.record("no ghost captured: \(effects)")
      return
    }
    #expect(ghost.settings.model.initializer.kind == .xavierUniform)
    #expect(!state.parameterRows.contains { $0.isPending })
    #expect(state.appliedModel.initializer.kind == .xavierNormal)
  }

  @Test("r resets every setting to the preset")
  func reset() {
    var state = makeAppState()
    press(&state, .right, .down, .right)
    #expect(state.settings != state.preset)
    let changed = state.settings
    #expect(
      press(&state, .character("r")) == [
        .captureGhost(GhostRun(settings: changed, startStep: 0)), .send(.resetToPreset),
      ])
    #expect(state.settings == state.preset)
  }

  @Test("u rewinds")
  func rewind() {
    var state = makeAppState()
    #expect(press(&state, .character("u")) == [.send(.rewind)])
  }

  @Test("z toggles the zoom, g cycles bars, heatmap and health, Tab and Shift-Tab move the focus")
  func viewToggles() {
    var state = makeAppState()
    press(&state, .character("z"))
    #expect(state.zoom == .recent)
    press(&state, .character("z"))
    #expect(state.zoom == .wholeRun)
    var views: [GradientView] = []
    for _ in 0..<3 {
      press(&state, .character("g"))
      views.append(state.gradientView)
    }
    #expect(views == [.heatmap, .health, .bars])
    press(&state, .tab)
    #expect(state.focus == .chart)
    press(&state, .tab)
    #expect(state.focus == .gradients)
    press(&state, .tab)
    #expect(state.focus == .parameters)
    press(&state, .backTab)
    #expect(state.focus == .gradients)
  }

  @Test("d opens the findings, p the picker at the current preset, s the save prompt, ? the help")
  func dialogsOpen() {
    var state = makeAppState()
    press(&state, .character("d"))
    #expect(state.dialog == .findings(scroll: 0))
    press(&state, .escape, .character("p"))
    #expect(state.dialog == .presetPicker(selected: 1))
    press(&state, .escape, .character("s"))
    #expect(state.dialog == .savePrompt(TextField(), error: nil))
    press(&state, .escape, .character("?"))
    #expect(state.dialog == .help(scroll: 0))
    press(&state, .escape)
    #expect(state.dialog == nil)
  }

  @Test("q and Ctrl-C quit")
  func quit() {
    for key in [KeyInput.character("q"), .controlC] {
      var state = makeAppState()
      #expect(press(&state, key) == [.quit])
      #expect(state.isQuitting)
    }
    var state = makeAppState()
    #expect(send(&state, .quit) == [.quit])
  }

  @Test("Every key of the key map does exactly its binding's action, and that action is observable")
  func everyBindingActs() {
    for binding in KeyMap.bindings {
      for key in binding.keys {
        var state = makeAppState()
        if binding.action == .stepOnce { press(&state, .character(" ")) }
        if binding.action == .selectPrevious { press(&state, .down) }
        for _ in Focus.allCases where KeyMap.action(for: key, focus: state.focus) != binding.action {
          press(&state, .tab)
        }
        #expect(KeyMap.action(for: key, focus: state.focus) == binding.action, "\(key.displayName) unreachable")
        let before = state
        var direct = state
        let expectedEffects = direct.perform(binding.action)
        let effects = press(&state, key)
        #expect(state == direct && effects == expectedEffects, "\(key.displayName) is not \(binding.action)")
        #expect(state != before || !effects.isEmpty, "\(key.displayName) did nothing")
      }
    }
  }

  @Test("The help lists every key of the key map, each summary on its binding's row")
  func helpListsEveryKey() {
    for binding in KeyMap.bindings {
      if let summary = binding.summary {
        #expect(
          KeyMap.helpLines.contains { $0.hasPrefix(binding.keyText + " ") && $0.hasSuffix(summary) },
          "\(binding.keyText)")
      }
      for key in binding.keys {
        #expect(
          KeyMap.bindings.contains {
            $0.summary != nil && $0.keyText.split(separator: " ").contains(Substring(key.displayName))
          },
          "\(key.displayName)")
      }
    }
    #expect(KeyMap.helpLines.contains { $0.hasPrefix("Esc") })
    #expect(KeyMap.helpLines.contains { $0.hasPrefix("mouse") })
  }

  @Test("A status message disappears after its ticks")
  func statusExpires() {
    var state = makeAppState()
    press(&state, .character("u"))
    #expect(state.statusMessage != nil)
    for _ in 1..<AppState.statusMessageTicks { send(&state, .tick) }
    #expect(state.statusMessage != nil)
    send(&state, .tick)
    #expect(state.statusMessage == nil)
  }
}
