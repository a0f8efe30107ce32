import DamTraining

extension AppState {
  /// The largest help scroll: the last screenful of help lines, as the dialog shows them.
  var helpScrollLimit: Int {
    AppLayout.maxScroll(
      lineCount: DialogLines.help(width: layout.dialogBodyWidth).count, visibleRows: layout.dialogRows)
  }

  /// The largest guide scroll: the last screenful of the guide's lines, as the dialog shows them.
  var guideScrollLimit: Int {
    AppLayout.maxScroll(
      lineCount: ScreenGuide.lines(width: layout.dialogTextWidth).count, visibleRows: layout.dialogRows)
  }

  /// The largest findings scroll: the last screenful of the wrapped findings, as the dialog shows them.
  var findingsScrollLimit: Int {
    AppLayout.maxScroll(
      lineCount: DialogLines.findings(self, width: layout.dialogTextWidth).count, visibleRows: layout.dialogRows)
  }

  /// Brings an open help or findings dialog's scroll within its limit, after the screen or the findings
  /// changed, so the first key moves from what the view shows.
  mutating func clampDialogScroll() {
    switch dialog {
    case .help(let scroll): dialog = .help(scroll: min(scroll, helpScrollLimit))
    case .guide(let scroll): dialog = .guide(scroll: min(scroll, guideScrollLimit))
    case .findings(let scroll): dialog = .findings(scroll: min(scroll, findingsScrollLimit))
    default: break
    }
  }

  /// Handles a key while `dialog` is open. Esc closes any dialog; `q` quits unless the dialog takes text.
  mutating func handle(_ key: KeyInput, in dialog: AppDialog) -> [Effect] {
    if key == .escape {
      if dialog == .rangeTest || dialog == .overfitCheck || dialog == .landscape {
        closeExploration()
        return [.cancelExploration]
      }
      self.dialog = nil
      return []
    }
    if key == .character("q") && !dialog.takesText { return quit() }
    switch dialog {
    case .help(let scroll):
      if key == .character("?") { self.dialog = .guide(scroll: 0) }
      if key == .enter { self.dialog = nil }
      if let moved = scrolled(scroll, by: key, limit: helpScrollLimit) { self.dialog = .help(scroll: moved) }
    case .guide(let scroll):
      if key == .character("?") || key == .enter { self.dialog = nil }
      if let moved = scrolled(scroll, by: key, limit: guideScrollLimit) { self.dialog = .guide(scroll: moved) }
    case .findings(let scroll):
      if key == .character("d") || key == .enter { self.dialog = nil }
      if let moved = scrolled(scroll, by: key, limit: findingsScrollLimit) { self.dialog = .findings(scroll: moved) }
    case .presetPicker(let selected):
      return handlePicker(key, selected: selected)
    case .savePrompt(var field, let error):
      if key == .enter { return submitSaveName(field.text) }
      if field.edit(key) { self.dialog = .savePrompt(field, error: error) }
    case .confirmOverwrite(let name):
      if key == .character("y") {
        self.dialog = nil
        return [.savePreset(presetNamed(name), overwrite: true)]
      }
      if key == .character("n") { self.dialog = .savePrompt(TextField(name), error: nil) }
    case .valueEntry(let parameter, var field, let error):
      if key == .enter { return submitValue(field.text, for: parameter, field: field) }
      if field.edit(key) { self.dialog = .valueEntry(parameter, field, error: error) }
    case .message:
      if key == .enter { self.dialog = nil }
    case .confirmReshape(let parameter, let value):
      return answerReshape(key, parameter: parameter, value: value)
    case .rangeTest:
      if key == .enter { return applyRangeTestSuggestion() }
    case .overfitCheck:
      if key == .enter {
        closeExploration()
        return [.cancelExploration]
      }
    case .runBrowser(let selected):
      return handleRunBrowser(key, selected: selected)
    case .landscape:
      if key == .character("v") { return startLandscape(landscape.map { $0.kind.next } ?? .line) }
      if key == .enter { return startLandscape(landscape?.kind ?? .line) }
    }
    return []
  }

  func scrolled(_ scroll: Int, by key: KeyInput, limit: Int) -> Int? {
    let delta =
      switch key {
      case .up, .character("k"): -1
      case .down, .character("j"): 1
      case .pageUp: -10
      case .pageDown: 10
      default: 0
      }
    return delta == 0 ? nil : min(max(0, scroll + delta), limit)
  }

  private mutating func handlePicker(_ key: KeyInput, selected: Int) -> [Effect] {
    switch key {
    case .enter:
      guard presets.indices.contains(selected) else { return [] }
      let name = presets[selected].name
      dialog = nil
      show("loading preset \(name)")
      return [.loadPreset(name: name)]
    case .character("p"):
      dialog = nil
    default:
      if let moved = scrolled(selected, by: key, limit: max(0, presets.count - 1)) {
        dialog = .presetPicker(selected: moved)
      }
    }
    return []
  }

  private mutating func submitSaveName(_ typed: String) -> [Effect] {
    let name = typed.trimmingCharacters(in: " ")
    if let problem = Self.problem(withPresetName: name) {
      dialog = .savePrompt(TextField(typed), error: problem)
      return []
    }
    if presets.contains(where: { $0.name == name }) {
      dialog = .confirmOverwrite(name: name)
      return []
    }
    dialog = nil
    return [.savePreset(presetNamed(name), overwrite: false)]
  }

  private mutating func submitValue(_ text: String, for parameter: TunableParameter, field: TextField) -> [Effect] {
    let value = text.trimmingCharacters(in: " ")
    guard !value.isEmpty else {
      dialog = .valueEntry(parameter, field, error: "type \(parameter.allowedValues)")
      return []
    }
    switch change(parameter, to: parameter.tomlValue(typed: value)) {
    case .success(let effects):
      if case .valueEntry = dialog { dialog = nil }
      return effects
    case .failure(let error):
      let reason = error.diagnostics.first?.message ?? error.description
      dialog = .valueEntry(parameter, field, error: "\(reason) (allowed: \(parameter.allowedValues))")
      return []
    }
  }

  /// The current settings under the name `name`, ready to save.
  private func presetNamed(_ name: String) -> Preset {
    var saved = settings
    saved.name = name
    return saved
  }

  /// Why `name` cannot name a preset file, or nil: it must be non-empty and made of letters, digits,
  /// `-`, `_` and `.`, not starting with `.`.
  static func problem(withPresetName name: String) -> String? {
    if name.isEmpty { return "type a name for the new preset" }
    let allowed = name.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
    }
    guard allowed, !name.hasPrefix(".") else {
      return "use letters, digits, - _ and . (not first) in a preset name"
    }
    return nil
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
