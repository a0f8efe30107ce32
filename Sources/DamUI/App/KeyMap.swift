import DamTraining

/// The main screen's keys: one table drives both the reducer and the `?` help, so they cannot drift.
public enum KeyMap {
  /// Every binding, in the order the help lists them.
  public static let bindings: [KeyBinding] = [
    KeyBinding([.up, .character("k")], .selectPrevious, "select the previous parameter"),
    KeyBinding([.down, .character("j")], .selectNext, "select the next parameter"),
    KeyBinding([.right, .character("+")], .adjust(AdjustStep(increase: true)), "raise the value (next choice)"),
    KeyBinding([.left, .character("-")], .adjust(AdjustStep(increase: false)), "lower the value (previous choice)"),
    KeyBinding([.character("h")], .adjust(AdjustStep(increase: false)), nil, scope: .parameters),
    KeyBinding([.character("l")], .adjust(AdjustStep(increase: true)), nil, scope: .parameters),
    KeyBinding([.character("l")], .toggleChartScale, nil, scope: .chart),
    KeyBinding(
      [.character("y")], .toggleChartScale,
      "h/l: lower/raise (parameters panel); l: log/linear (chart panel), y anywhere", helpKeys: "h l y"),
    KeyBinding([.shiftRight, .pageUp], .adjust(AdjustStep(increase: true, large: true)), "raise by a large step"),
    KeyBinding([.shiftLeft, .pageDown], .adjust(AdjustStep(increase: false, large: true)), "lower by a large step"),
    KeyBinding([.enter], .typeValue, "type an exact value"),
    KeyBinding([.character(" ")], .togglePause, "pause / resume training"),
    KeyBinding([.character(">"), .character(".")], .changeSpeed(faster: true), nil),
    KeyBinding(
      [.character("<"), .character(",")], .changeSpeed(faster: false),
      "train slower / faster: 1 step/s up to max (\(TrainingSpeed.interactiveDefault) at start)", helpKeys: "< > , ."),
    KeyBinding([.character("n")], .stepOnce, "take one step while paused"),
    KeyBinding([.character("i")], .reinitialize, "re-initialize the weights (applies pending *)"),
    KeyBinding([.character("r")], .resetToPreset, "reset every setting to the preset"),
    KeyBinding([.character("u")], .rewind, "rewind: last finite checkpoint, or undo the last change"),
    KeyBinding([.character("p")], .openPresetPicker, "pick another preset"),
    KeyBinding([.character("s")], .openSavePrompt, "save the settings as a new preset"),
    KeyBinding([.character("z")], .toggleZoom, "loss chart: whole run / recent steps"),
    KeyBinding([.character("m")], .cycleSmoothing, "loss chart: smoothing of the training loss off/0.6/0.9/0.99"),
    KeyBinding([.character("g")], .cycleGradientView, "gradients: bars / heatmap / layer health"),
    KeyBinding([.character("w")], .toggleWeights, "weights: each layer's heatmap, norm, zeros (again: gradients)"),
    KeyBinding(
      [.character("I")], .toggleInitialization,
      "initializers compared at step 0: activation std and gradients by depth (again or Esc: gradients)"),
    KeyBinding(
      [.character("N")], .toggleNeurons,
      "neuron view: each unit's output over the plane, its weights; arrows move (again or Esc: close)"),
    KeyBinding([.character("c")], .clearGhosts, "clear the ghost runs (earlier runs on the loss chart)"),
    KeyBinding([.character("f")], .fork, "fork: a second run from these weights, with settings to edit"),
    KeyBinding([.character("b")], .switchBranch, "fork: switch the branch the panel edits (A or B)"),
    KeyBinding([.character("F")], .keepBetterBranch, "fork: keep the branch with the lower validation loss"),
    KeyBinding([.character("L")], .rangeTest, "learning-rate range test on a copy (Enter applies)"),
    KeyBinding([.character("o")], .overfitCheck, "overfit-one-batch check on a copy (bug and capacity check)"),
    KeyBinding([.character("d")], .openFindings, "findings, their actions and the recorded changes"),
    KeyBinding([.character("a")], .applyFindingAction, "apply the fix the status line offers, as a recorded change"),
    KeyBinding([.character("R")], .openRunBrowser, "run browser: earlier runs; Enter loads one as a ghost"),
    KeyBinding([.character("e")], .landscape, "loss landscape of a copy: 1-D line, 2-D maps (v switches)"),
    KeyBinding([.tab], .focusNext, nil),
    KeyBinding([.backTab], .focusPrevious, "focus the next / previous panel", helpKeys: "Tab Shift-Tab"),
    KeyBinding([.character("t")], .toggleLessonCard, "lesson card: show / hide (title, what to try, goal)"),
    KeyBinding([.character("1")], .applyLessonTry(1), nil),
    KeyBinding([.character("2")], .applyLessonTry(2), nil),
    KeyBinding([.character("3")], .applyLessonTry(3), nil),
    KeyBinding([.character("4")], .applyLessonTry(4), nil),
    KeyBinding([.character("5")], .applyLessonTry(5), nil),
    KeyBinding([.character("6")], .applyLessonTry(6), nil),
    KeyBinding([.character("7")], .applyLessonTry(7), nil),
    KeyBinding([.character("8")], .applyLessonTry(8), nil),
    KeyBinding(
      [.character("9")], .applyLessonTry(9), "lesson card: apply what it suggests, as a recorded change",
      helpKeys: "1 2 3 4 5 6 7 8 9"),
    KeyBinding([.character("?")], .openHelp, "this help"),
    KeyBinding([.character("q"), .controlC], .quit, "quit"),
  ]

  /// The action `key` triggers while `focus` has focus, if any.
  public static func action(for key: KeyInput, focus: Focus) -> AppAction? {
    let matching = bindings.filter { $0.keys.contains(key) && ($0.scope == nil || $0.scope == focus) }
    return (matching.first { $0.scope != nil } ?? matching.first)?.action
  }

  /// The width of the keys column of `helpLines`, the gap after it included.
  public static let helpKeyColumnWidth = (bindings.filter { $0.summary != nil }.map(\.keyText.count).max() ?? 0) + 2

  /// The help dialog's lines: every binding with a summary, then the dialog and mouse keys; the keys
  /// in a column `helpKeyColumnWidth` wide.
  public static let helpLines: [String] = {
    func line(_ keys: String, _ summary: String) -> String {
      keys + String(repeating: " ", count: max(1, helpKeyColumnWidth - keys.count)) + summary
    }
    return bindings.compactMap { binding in binding.summary.map { line(binding.keyText, $0) } } + [
      line(KeyInput.escape.displayName, "close any dialog"),
      line("mouse", "click a parameter to select it, wheel to adjust it"),
    ]
  }()
}
