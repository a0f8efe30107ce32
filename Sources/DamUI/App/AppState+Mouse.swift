extension AppState {
  /// A click on a parameter row selects it; a click on another panel focuses it; the wheel over a
  /// parameter row selects and adjusts it (up raises). Mouse input is ignored while a dialog is open or
  /// the screen is too small.
  mutating func handle(_ mouse: MouseInput) -> [Effect] {
    guard dialog == nil, !isTooSmall else { return [] }
    let count = ParameterCatalog.parameters.count
    switch mouse {
    case .click(let x, let y):
      if let index = layout.parameterIndex(atX: x, y: y, count: count, selected: selectedIndex) {
        selectedIndex = index
      }
      if let panel = layout.focusablePanel(atX: x, y: y) { focus = panel }
      return []
    case .wheelUp(let x, let y), .wheelDown(let x, let y):
      guard let index = layout.parameterIndex(atX: x, y: y, count: count, selected: selectedIndex) else { return [] }
      selectedIndex = index
      let isUp = if case .wheelUp = mouse { true } else { false }
      return adjust(selectedParameter, by: AdjustStep(increase: isUp))
    }
  }
}
