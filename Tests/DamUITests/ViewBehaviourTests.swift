import DamTraining
import Testing

@testable import DamUI

@Suite("What the screen shows")
struct ViewBehaviourTests {
  /// The lines of the screen for `state` over the default fixture.
  private func lines(_ state: AppState, snapshot: Snapshot? = ViewFixture.snapshot()) -> [String] {
    view(state, snapshot: snapshot, glyphs: .braille).lines
  }

  @Test("Before the first snapshot the panels wait and the status bar says step 0")
  func beforeFirstSnapshot() {
    let screen = lines(makeAppState(), snapshot: nil)
    #expect(screen.filter { $0.contains("waiting for the first step") }.count == 2)
    #expect(screen[22].hasPrefix("running | step 0"))
  }

  @Test("The status bar says paused and diverged")
  func runStates() {
    var state = makeAppState()
    send(&state, .runState(.paused))
    #expect(lines(state)[22].hasPrefix("paused | step 2000"))
    send(&state, .runState(.diverged))
    #expect(lines(state)[22].hasPrefix("diverged | step 2000"))
  }

  @Test("The second status row shows what a key just did, then the top finding again")
  func statusMessage() {
    var state = makeAppState()
    press(&state, .character("+"))
    #expect(lines(state)[23].hasPrefix("learning rate "))
    for _ in 0..<AppState.statusMessageTicks { send(&state, .tick) }
    #expect(lines(state)[23].hasPrefix("vanishing gradients in layer 1: try relu or he-normal"))
    #expect(lines(state)[23].hasSuffix("d: 2 findings  ?: keys"))
  }

  @Test("y switches the loss chart to a linear scale and z to the recent window")
  func chartToggles() {
    var state = makeAppState(width: 120, height: 40)
    #expect(lines(state)[1].contains("log│"))
    press(&state, .character("y"), .character("z"))
    #expect(lines(state)[1].contains("linear│"))
    #expect(lines(state)[0].contains("Loss (last 1000 steps)"))
  }

  @Test("The loss chart marks the applied change and the best validation loss")
  func chartMarkers() {
    let screen = lines(makeAppState(width: 120, height: 40))
    #expect(screen.contains { $0.contains("lr 0.1 -> 0.03") })
    #expect(screen.contains { $0.contains("* best 0.115") })
  }

  @Test("g cycles the gradient panel through norms, history and layer health")
  func gradientViews() {
    var state = makeAppState()
    #expect(lines(state)[12].contains("Gradient norms"))
    #expect(lines(state)[13].contains("2.6e-7 v"))
    press(&state, .character("g"))
    #expect(lines(state)[12].contains("Gradient history"))
    #expect(lines(state)[13].hasSuffix(" v│"))
    press(&state, .character("g"))
    #expect(lines(state)[12].contains("Layer health"))
    #expect(lines(state)[14].contains("2e-5 low"))
    #expect(lines(state)[14].contains("!62%"))
  }

  @Test("Tab moves the focus bracket from the parameters to the chart")
  func focus() {
    var state = makeAppState()
    #expect(lines(state)[0].hasPrefix("┌[ Hyperparameters ]"))
    press(&state, .tab)
    #expect(lines(state)[0].hasPrefix("┌ Hyperparameters ─"))
    #expect(lines(state)[0].contains("┐┌[ Loss (whole run) ]"))
  }

  @Test("A setting that waits for re-initialization is starred and the star explained")
  func pendingMarker() {
    var state = makeAppState(width: 80, height: 40)
    select(.initializer, in: &state)
    press(&state, .right)
    let screen = lines(state)
    #expect(screen.contains { $0.hasPrefix("│> init") && $0.contains("*│") })
    #expect(screen.contains { $0.contains("* applies when i re-inits") })
  }

  @Test("Without accuracies (regression) the loss chart takes the data panel's place")
  func regressionScreen() {
    let classification = lines(makeAppState(width: 120, height: 40))
    var regressionState = makeAppState(width: 120, height: 40)
    send(&regressionState, .dataPanel(inUse: false))
    let regression = lines(regressionState, snapshot: ViewFixture.snapshot(classification: false))
    #expect(classification[0].contains("Accuracy"))
    #expect(!regression[0].contains("Accuracy"))
    #expect(regression[0].hasSuffix("─┐") && regression[1].hasSuffix("log│"))
  }

  @Test("Every size from the minimum up draws without a gap in the borders")
  func everySize() {
    for (width, height) in [(60, 16), (61, 17), (79, 23), (119, 29), (120, 30), (159, 45), (250, 80)] {
      let screen = lines(makeAppState(width: width, height: height))
      #expect(screen.count == height)
      #expect(screen[0].hasPrefix("┌") && screen[0].hasSuffix("┐"), "\(width)x\(height)")
      #expect(screen[height - 3].hasPrefix("└") && screen[height - 3].hasSuffix("┘"), "\(width)x\(height)")
      #expect(screen[height - 2].hasPrefix("running | step 2000"), "\(width)x\(height)")
    }
  }
}

@Suite("Status bar of the whole screen")
struct ViewStatusTests {
  @Test("A finding too long for the row is cut with ... so that the key for all findings stays visible")
  func longFindingIsCut() {
    let long = Finding(
      id: .overfitting, severity: .warning,
      evidence: "the validation loss is 52% above its best (0.102 at step 2,758) while the training loss kept falling",
      fix: "try more L2 or dropout")
    let snapshot = ViewFixture.snapshot(findings: [long, ViewFixture.findings[0]])
    let line = view(makeAppState(), snapshot: snapshot, glyphs: .braille).lines[23]
    #expect(line.hasPrefix("the validation loss is 52% above its best"))
    #expect(line.hasSuffix("...  d: 2 findings  ?: keys"))
  }
}
