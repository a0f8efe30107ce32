import Foundation
import Testing

/// The loss-landscape view in a real terminal: `e` opens it over the training screen.
@Suite("Landscape view in tmux")
struct LandscapeUITests {
  @Test("e opens the landscape view; its line and 2-D map are drawn while training goes on")
  func opensLandscape() throws {
    let ui = try UIRun(["--preset", "digits"])
    let step = try ui.currentStep()
    try ui.tmux.send("e")
    try ui.expectScreen("Computed on a copy of the weights at step")
    try ui.tmux.send("v")
    try ui.expectScreen("log scale:")
    try ui.waitForStep(above: step)
    try ui.tmux.send("Escape")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }
}
