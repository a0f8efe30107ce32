import DamScreen
import DamTraining
import Testing

@testable import DamUI

@Suite("a applies the leading finding's fix; d lists every action and the recorded changes")
struct FindingActionKeyTests {
  private let tooHigh = Finding(
    id: .learningRateTooHigh, severity: .warning, evidence: "the training loss rose 40% over the last 256 steps",
    fix: "lower the learning rate (now 0.03)")
  private let vanishing = Finding(
    id: .vanishingGradients, severity: .warning, evidence: "vanishing gradients in layer 1",
    fix: "try relu or he-normal")

  @Test("a sends the leading finding's first action as the commands a key press sends, and says what it did")
  func appliesTheAction() throws {
    var state = makeAppState()
    #expect(press(&state, .character("a")).isEmpty, "no finding, nothing to apply")
    #expect(state.statusMessage?.contains("no finding") == true)
    send(&state, .findings([tooHigh, vanishing]))
    let effects = press(&state, .character("a"))
    #expect(effects == [try setting("training.learning_rate=0.01")])
    let message = try #require(state.statusMessage)
    #expect(message.contains("lower the learning rate 3x (0.03 -> 0.01)"))
    // Lowered after the run blew up: the screen says it needs fresh weights and offers i.
    #expect(message.contains("press i to re-initialize and see it"))
  }

  @Test("A new activation says it shows on fresh weights and offers i")
  func activationOffersReinitialization() throws {
    var state = makeAppState()
    select(.activation, in: &state)
    press(&state, .right)
    #expect(state.statusMessage?.contains("press i to re-initialize and see it") == true)
  }

  @Test("d lists every action of every finding, marks the one a applies, and lists the recorded changes")
  func statusAndDialog() throws {
    var state = makeAppState(width: 100, height: 30)
    send(&state, .findings([tooHigh, vanishing]), .changes([ChangeMarker(step: 1_200, summary: "l2 0 -> 0.001")]))
    press(&state, .character("d"))
    let dialog = DialogLines.findings(state, width: 90).joined(separator: "\n")
    #expect(dialog.contains("a: lower the learning rate 3x (0.03 -> 0.01)"))
    #expect(dialog.contains("relu with he-normal, and re-initialize"))
    #expect(dialog.contains("step 1,200: l2 0 -> 0.001"))
  }
}
