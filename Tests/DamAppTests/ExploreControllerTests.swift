import Foundation
import Testing

/// Forks, ghost runs, rewinds, the learning-rate range test and the overfit check in the interactive
/// controller, in process. The first four were end-to-end tests in tmux; their assertions are unchanged.
@Suite("Interactive controller: comparing and exploring")
struct ExploreControllerTests {
  /// The fork's losses on the status bar (`B loss 0.61 val 0.63`), if shown.
  static func forkStatus(in screen: String) -> String? {
    guard let status = AppRun.statusLine(in: screen),
      let range = status.range(of: #"B loss [0-9.e-]+( val [0-9.e-]+)?"#, options: .regularExpression)
    else { return nil }
    return String(status[range])
  }

  /// The learning rates of branches A and B on the parameter panel while forked, if shown.
  static func forkedLearningRates(in screen: String) -> (main: Double, fork: Double)? {
    guard let range = screen.range(of: #"learning rate +[0-9.e-]+ +[0-9.e-]+"#, options: .regularExpression)
    else { return nil }
    let values = screen[range].split(separator: " ").suffix(2).compactMap { Double($0) }
    return values.count == 2 ? (values[0], values[1]) : nil
  }

  @Test("f forks: both branches train side by side with their own settings; F keeps one, the other stays a ghost")
  func forkAndKeep() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("f")
    ui.expectScreen("A | B, editing B (b)")
    let (forked, running) = ui.waitFor { $0.contains("+ B train") && Self.forkStatus(in: $0) != nil }
    #expect(running, "the fork's curve and status never appeared:\n\(forked)")
    ui.send("+")
    ui.expectScreen("B lr 0.01 -> ")
    ui.expectScreen("B: learning rate")
    // Both branches keep training: the main step number and the fork's validation loss both move.
    let step = try ui.currentStep()
    let fork = try #require(Self.forkStatus(in: ui.screen))
    let (moved, bothMoved) = ui.waitFor(timeout: 30) {
      (AppRun.step(in: $0) ?? 0) > step && Self.forkStatus(in: $0).map { $0 != fork } ?? false
    }
    #expect(bothMoved, "a branch stopped training:\n\(moved)")
    ui.send("F")
    let kept = ui.expectScreen("kept ")
    #expect(kept.contains("validation loss"), "\(kept)")
    ui.expectScreen("ghost 1:")
    #expect(ui.screen.contains("Hyperparameters"))
    ui.waitForStep(above: try ui.currentStep())
    ui.quit()
  }

  @Test("A change to A sent right after f never reaches B's copy, and each column shows its own session")
  func changeAfterForkStaysOnItsBranch() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("f", "b", "+")
    let (screen, settled) = ui.waitFor {
      guard $0.contains("+ B train"), let rates = Self.forkedLearningRates(in: $0) else { return false }
      return rates.main > 0.01 && Self.forkStatus(in: $0) != nil
    }
    #expect(settled, "A's change never showed with the fork running:\n\(screen)")
    // The fork has run for a while: its column is its own session's setting, which never got A's change.
    let (later, _) = ui.waitFor { Self.forkStatus(in: $0) != Self.forkStatus(in: screen) }
    #expect(Self.forkedLearningRates(in: later)?.fork == 0.01, "\(later)")
    #expect(!later.contains("B lr 0.01 -> "), "\(later)")
    ui.quit()
  }

  @Test("r keeps the earlier run as a labelled ghost, also in ASCII without colour; c clears it")
  func resetLeavesGhost() throws {
    let ui = try AppRun(unicode: false)
    let first = try ui.currentStep()
    ui.waitForStep(above: first + 50)
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    ui.send("r")
    let screen = ui.expectScreen("1 ghost 1: lr ")
    #expect(screen.contains("Loss (this run and ghosts)"), "\(screen)")
    #expect(screen.allSatisfy { $0.isASCII })
    ui.send("c")
    ui.expectScreen("cleared the ghost runs")
    #expect(!ui.screen.contains("ghost 1:"))
    ui.quit()
  }

  @Test("i re-initializes and keeps the earlier run as a ghost")
  func reinitializeLeavesGhost() throws {
    let ui = try AppRun()
    let first = try ui.currentStep()
    ui.waitForStep(above: first + 20)
    ui.send("i")
    ui.expectScreen("re-initialized the weights")
    let screen = ui.expectScreen("ghost 1:")
    #expect(screen.contains("Loss (this run and ghosts)"), "\(screen)")
    ui.quit()
  }

  @Test("A divergence pauses the run; u rewinds to a finite checkpoint and its settings")
  func divergencePausesAndRewinds() throws {
    let ui = try AppRun(
      overrides: ["training.optimizer=sgd", "model.activation=linear", "data.dataset=plane"], speed: .maximum)
    try ui.currentStep()
    // The learning rate, selected at start, in three large steps: 0.01 -> 0.1 -> 1 -> 10.
    ui.send("S-Right", "S-Right", "S-Right")
    let (diverged, paused) = ui.waitFor { AppRun.statusLine(in: $0)?.hasPrefix("diverged") ?? false }
    #expect(paused, "the run did not pause on its divergence:\n\(diverged)")
    let step = try #require(AppRun.step(in: diverged))
    #expect(AppRun.learningRate(in: diverged) == 10, "\(diverged)")
    ui.send("u")
    let (rewound, restored) = ui.waitFor {
      (AppRun.statusLine(in: $0)?.hasPrefix("paused") ?? false) && AppRun.learningRate(in: $0) == 0.01
    }
    #expect(restored, "u did not rewind to the checkpoint's settings:\n\(rewound)")
    #expect(AppRun.step(in: rewound) == step, "a rewind restores weights, not the step count:\n\(rewound)")
    ui.quit()
  }

  @Test("L runs the range test on a copy, suggests a learning rate, and Enter applies it as a change")
  func rangeTestApplies() throws {
    // Slowly, so that the copy is early in training, as on a first look at the preset: a run trained to a
    // minimum has no descent left to suggest a learning rate from.
    let ui = try AppRun(speed: try .init(parsing: "10"))
    try ui.currentStep()
    ui.send("L")
    ui.expectScreen("Learning-rate range test")
    let (screen, suggested) = ui.waitFor(timeout: 60) { $0.contains("Suggested learning rate:") }
    #expect(suggested, "no suggestion:\n\(screen)")
    // The live run keeps training while the test runs, with its learning rate untouched.
    #expect(screen.contains("now 0.01"), "\(screen)")
    ui.send("Enter")
    let applied = ui.expectScreen("lr 0.01 -> ")
    #expect(!applied.contains("Learning-rate range test"))
    ui.quit()
  }

  @Test("o runs the overfit-one-batch check on a copy and shows its verdict and numbers")
  func overfitCheckVerdict() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("o")
    ui.expectScreen("Overfit-one-batch check")
    let (screen, finished) = ui.waitFor(timeout: 60) {
      $0.contains("Verdict: ") && !$0.contains("Verdict: running")
    }
    #expect(finished, "no verdict:\n\(screen)")
    #expect(screen.contains("samples"), "\(screen)")
    ui.send("Escape")
    let (closed, gone) = ui.waitFor { !$0.contains("Overfit-one-batch check") }
    #expect(gone, "\(closed)")
    ui.waitForStep(above: try ui.currentStep())
    ui.quit()
  }
}

/// The loss landscape in the interactive controller, in process.
@Suite("Interactive controller: loss landscape")
struct LandscapeControllerTests {
  @Test("e computes the line on a copy while training goes on; v starts the 2-D map; Esc cancels and closes")
  func landscapeView() throws {
    let ui = try AppRun()
    let step = try ui.currentStep()
    ui.send("e")
    ui.expectScreen("Loss landscape: 1-D line")
    // A debug build on a loaded machine evaluates slowly: the line's 41 points may take a while.
    let line = ui.expectScreen("Computed on a copy of the weights at step", timeout: 240)
    #expect(line.contains("init") && line.contains("now"), "\(line)")
    ui.waitForStep(above: step)
    ui.send("v")
    ui.expectScreen("Loss landscape: 2-D random directions")
    ui.expectScreen("Computing on a copy of the weights:")
    ui.send("Escape")
    let (closed, gone) = ui.waitFor { !$0.contains("Loss landscape") }
    #expect(gone, "\(closed)")
    ui.quit()
  }
}
