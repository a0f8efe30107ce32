import Foundation
import Testing

/// The initialization explorer in a real terminal (tmux, 120x40, the release binary): `I` opens it over
/// the gradient panel while training goes on, Esc closes it. Its behaviour is tested in process
/// (`DamAppTests`); this checks that the real screen draws it.
@Suite("Initialization explorer in the terminal")
struct InitializationUITests {
  @Test("I shows the initializers by depth on a real terminal; Esc brings the gradients back")
  func opens() throws {
    let ui = try UIRun()
    let step = try ui.currentStep()
    try ui.tmux.send("I")
    let screen = try ui.expectScreen("*xavier-uniform")
    #expect(screen.contains("act std by depth (log)") && screen.contains("identical"), "\(screen)")
    try ui.waitForStep(above: step + 20)
    try ui.tmux.send("Escape")
    try ui.expectScreen("Gradient norms")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }
}
