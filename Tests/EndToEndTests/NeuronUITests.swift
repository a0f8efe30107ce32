import Foundation
import Testing

/// The neuron view in a real terminal: `N` opens it over the training screen.
@Suite("Neuron view in tmux")
struct NeuronUITests {
  @Test("N opens the neuron view on digits: the weight image and class table; Right moves; Esc closes")
  func opensNeurons() throws {
    let ui = try UIRun(["--preset", "digits"])
    let step = try ui.currentStep()
    try ui.tmux.send("N")
    try ui.expectScreen("weights as 8x8 image")
    try ui.expectScreen("mean output by class")
    try ui.tmux.send("Right")
    try ui.expectScreen("L1 unit 2 of 64")
    try ui.waitForStep(above: step)
    try ui.tmux.send("Escape")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }
}
