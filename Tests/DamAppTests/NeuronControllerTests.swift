import DamTraining
import Testing

/// The neuron view (`N`) in the running program: computed on copies while training goes on, the arrows
/// moving between units (not the parameters), Esc and N closing it.
@Suite("Neuron view in the running program")
struct NeuronControllerTests {
  @Test("N shows every unit's tile; arrows move the selection, not the settings; training goes on; Esc closes")
  func opensMovesAndCloses() throws {
    let ui = try AppRun()
    let before = try ui.currentStep()
    ui.send("N")
    let screen = ui.expectScreen("L1 unit 1 of 32")
    #expect(screen.contains("Neurons (arrows: unit  N or Esc: close)"))
    #expect(screen.contains("L1  32 units") && screen.contains("L2  32 units"))
    #expect(screen.contains("incoming weights") && screen.contains("bias"))
    ui.terminal.send(.key(.right))
    ui.terminal.send(.key(.right))
    ui.expectScreen("L1 unit 3 of 32")
    ui.terminal.send(.key(.down))
    ui.expectScreen("L2 unit 3 of 32")
    ui.terminal.send(.key(.left))
    let moved = ui.expectScreen("L2 unit 2 of 32")
    #expect(!moved.contains("lr 0.01 -> "), "the arrows changed no setting")
    ui.waitForStep(above: before + 50)
    ui.send("Escape")
    let closed = ui.waitFor { !$0.contains("Neurons (") }
    #expect(closed.matched, "Esc left the view open:\n\(closed.screen)")
    ui.send("N")
    ui.expectScreen("L1 unit 1 of 32")
    ui.send("N")
    #expect(ui.waitFor { !$0.contains("Neurons (") }.matched, "N again left the view open")
    ui.quit()
  }
}
