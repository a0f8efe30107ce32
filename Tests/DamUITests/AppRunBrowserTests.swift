import DamScreen
import DamTraining
import Testing

@testable import DamUI

@Suite("Run browser: R lists the runs, Enter loads one as a ghost")
struct AppRunBrowserTests {
  static func entries() -> [RunEntry] {
    var newer = RunEntry(name: "2026-12-07_12-00-00_default", path: "runs/b", status: "finished")
    newer.preset = "default"
    newer.steps = 3000
    newer.bestValidationLoss = 0.25
    newer.bestValidationStep = 2950
    let older = RunEntry(name: "2026-12-07_10-00-00_default", path: "runs/a", status: "partial")
    return [newer, older]
  }

  @Test("R asks for the runs, Down and Enter load the second as a ghost, and close the browser")
  func chooseAndLoad() {
    var state = makeAppState()
    #expect(press(&state, .character("R")) == [.listRuns])
    #expect(state.dialog == .runBrowser(selected: 0))
    send(&state, .runsListed(Self.entries(), problem: nil))
    #expect(press(&state, .down, .down) == [])
    #expect(state.dialog == .runBrowser(selected: 1))
    #expect(press(&state, .enter) == [.loadRunGhost(name: "2026-12-07_10-00-00_default")])
    #expect(state.dialog == nil)
  }

  @Test("A loaded run becomes a ghost labelled with its name, and the current run goes on from where it was")
  func loadedGhost() {
    var state = makeAppState()
    var settings = state.settings
    settings.training.learningRate = 0.3
    var ghost = GhostRun(settings: settings, startStep: 0)
    ghost.run = "2026-12-07_10-00-00_default"
    ghost.endStep = 500
    send(&state, .runGhostLoaded(ghost))
    #expect(state.ghosts == [ghost])
    #expect(state.runStartStep == 0)
    #expect(state.statusMessage?.hasPrefix("ghost 1 (run 2026-12-07_10-00-00_default): lr 0.3") == true)
  }

  @Test("Esc closes the browser; a log folder that cannot be read is shown in it")
  func escapeAndProblem() {
    var state = makeAppState(width: 120, height: 40)
    press(&state, .character("R"))
    send(&state, .runsListed([], problem: "no log folder at runs"))
    let screen = ViewFixture.screen(state).lines.joined(separator: "\n")
    #expect(screen.contains("no log folder at runs"))
    press(&state, .escape)
    #expect(state.dialog == nil)
  }

  @Test("The browser draws the listing's columns with the selected run marked")
  func drawsColumns() {
    var state = makeAppState(width: 120, height: 40)
    press(&state, .character("R"))
    send(&state, .runsListed(Self.entries(), problem: nil))
    let lines = ViewFixture.screen(state).lines
    #expect(lines.contains { $0.contains("  run                          preset   steps  status") })
    #expect(lines.contains { $0.contains("> 2026-12-07_12-00-00_default  default  3,000  finished  0.25 @ 2,950") })
    #expect(lines.contains { $0.contains("  2026-12-07_10-00-00_default  ?        -      partial") })
  }
}
