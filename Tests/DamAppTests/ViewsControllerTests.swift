import DamTraining
import Foundation
import Testing

/// The views of issue 12 in process: the fork's panels, ghost labels, the run restarting at step 0 on the
/// chart after `i`, and the two help pages.
@Suite("Views in the running program")
struct ViewsControllerTests {
  @Test("While forked, the gradient panel shows the branch being edited, and b switches it")
  func forkShowsEditedBranch() throws {
    let ui = try AppRun(preset: "batch-norm")
    try ui.currentStep()
    // The lesson card covers the gradient panel at start; t hides it.
    ui.send("t")
    ui.send("f")
    ui.expectScreen("Branch B: Gradient norms")
    ui.send("b")
    ui.expectScreen("Branch A: Gradient norms")
    ui.send("b")
    ui.expectScreen("Branch B: Gradient norms")
    ui.quit()
  }

  @Test("While forked, the decision map shows the edited branch; B's changes read to the value in force")
  func forkShowsEditedBranchMap() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("t", "Space")
    ui.expectScreen("paused")
    ui.send("f")
    ui.expectScreen("Branch B: decision map")
    ui.send("b")
    ui.expectScreen("Branch A: decision map")
    ui.send("b")
    // Paused, B's two steps of L2 land on one step: one marker, read from 0 to the value in force.
    ui.send("j", "j", "S-Right", "S-Right", "n")
    let screen = ui.expectScreen("B l2 0.0 -> 0.0001")
    #expect(!screen.contains("2 changes"), "\(screen)")
    ui.quit()
  }

  @Test("After i the chart counts the new run from step 0, the old run becomes a labelled ghost")
  func reinitializeRestartsTheAxis() throws {
    let ui = try AppRun(speed: .maximum)
    // Far enough that the old run's axis no longer starts at 0, near enough for a debug build on a busy machine.
    ui.waitForStep(above: 600)
    ui.send("i")
    ui.expectScreen("ghost 1: same settings")
    // Until the new run's first step the chart waits for it; then the axis starts at the new run.
    let screen = ui.expectScreen("└┬")
    #expect(screen.contains("ghost 1: same settings"), "\(screen)")
    let lines = screen.split(separator: "\n").map { Array($0) }
    let axisRow = try #require(lines.firstIndex { String($0).contains("└┬") })
    let axisColumn = try #require(lines[axisRow].firstIndex(of: "└"))
    let labels = String(lines[axisRow + 1][axisColumn...])
    #expect(labels.split(separator: " ").first == "0", "the new run's axis does not start at 0:\n\(screen)")
    ui.quit()
  }

  @Test("A ghost's label names the setting changed since it ran")
  func ghostLabelNamesTheChange() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("j", "j", "S-Right")
    ui.expectScreen("-> 1e-05")
    ui.send("r")
    ui.expectScreen("ghost 1: L2 1e-5, 1 change during the run")
    ui.quit()
  }

  @Test("? shows the keys, ? again the guide to the screen, ? again closes")
  func helpPages() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("?")
    ui.expectScreen("Keys (page 1 of 2)")
    ui.send("?")
    let guide = ui.expectScreen("Reading the screen (page 2 of 2)")
    #expect(guide.contains("HOW TO WORK THROUGH A LESSON"))
    ui.send("?")
    let (screen, closed) = ui.waitFor { !$0.contains("Reading the screen") }
    #expect(closed, "\(screen)")
    ui.quit()
  }
}
