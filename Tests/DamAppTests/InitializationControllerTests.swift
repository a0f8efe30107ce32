import DamTraining
import Foundation
import Testing

/// The initialization explorer (`I`) in the running program: surveyed in the background while training
/// goes on, closed by `I`, Esc or `g`, and surveyed again when the model changes.
@Suite("Initialization explorer in the running program")
struct InitializationControllerTests {
  @Test("I replaces the gradient panel with the initializers' profiles; training goes on; I, Esc and g close it")
  func opensAndCloses() throws {
    let ui = try AppRun()
    let before = try ui.currentStep()
    ui.send("I")
    let screen = ui.expectScreen("*xavier-uniform")
    #expect(screen.contains("Initializers before training (I: gradients)"))
    #expect(screen.contains("act std by depth (log)") && screen.contains("grad norm by depth (log)"))
    #expect(screen.contains(" zeros") && screen.contains("identical"))
    #expect(screen.contains("normal 0.01") && screen.contains("he-normal"))
    #expect(!screen.contains("Gradient norms"))
    ui.waitForStep(above: before + 50)
    ui.send("I")
    ui.expectScreen("Gradient norms")
    ui.send("I")
    ui.expectScreen("*xavier-uniform")
    ui.send("Escape")
    ui.expectScreen("Gradient norms")
    ui.send("I")
    ui.expectScreen("*xavier-uniform")
    ui.send("g")
    let closed = ui.expectScreen("Gradient norms")
    #expect(!closed.contains("Initializers before training"))
    ui.quit()
  }

  @Test("After a re-initialization with another initializer, the open explorer marks the new one as the run's")
  func followsTheModel() throws {
    let ui = try AppRun(preset: "he-init-for-relu")
    try ui.currentStep()
    // The lesson card covers the gradient panel at start; the first I uncovers it and opens the explorer.
    ui.send("I")
    ui.expectScreen("*he-normal")
    // The lesson's second try (keys 1-9 apply while the card shows): xavier-normal, re-initialized; t hides
    // the card again over the explorer.
    ui.send("t")
    ui.expectScreen("xavier-normal")
    ui.send("2")
    ui.expectScreen("try 2: ")
    ui.send("t")
    ui.expectScreen("*xavier-normal")
    ui.quit()
  }
}
