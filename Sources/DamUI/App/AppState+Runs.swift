import DamTraining

extension AppState {
  /// Opens the run browser and asks the loop to read the runs (the list shows once `runsListed` comes).
  mutating func openRunBrowser() -> [Effect] {
    runs = nil
    dialog = .runBrowser(selected: 0)
    return [.listRuns]
  }

  /// Takes the runs read for the browser.
  mutating func runsListed(_ entries: [RunEntry], problem: String?) {
    runs = RunBrowserListing(entries: entries, problem: problem)
    if case .runBrowser(let selected) = dialog {
      dialog = .runBrowser(selected: min(selected, max(0, entries.count - 1)))
    }
  }

  /// Up/Down choose a run; Enter loads it as a ghost and closes the browser; `R` closes it.
  mutating func handleRunBrowser(_ key: KeyInput, selected: Int) -> [Effect] {
    let entries = runs?.entries ?? []
    switch key {
    case .enter:
      guard entries.indices.contains(selected) else { return [] }
      let name = entries[selected].name
      dialog = nil
      show("loading run \(name) as a ghost")
      return [.loadRunGhost(name: name)]
    case .character("R"):
      dialog = nil
    default:
      if let moved = scrolled(selected, by: key, limit: max(0, entries.count - 1)) {
        dialog = .runBrowser(selected: moved)
      }
    }
    return []
  }
}
