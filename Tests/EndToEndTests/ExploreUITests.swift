import Foundation
import Testing

/// Forks, ghost runs, the learning-rate range test and the overfit check in the release binary, driven in a
/// real terminal (tmux, 120x40) as a person would, polling the screen instead of sleeping.
@Suite("Interactive UI: comparing and exploring", .serialized)
struct ExploreUITests {
  /// The fork's losses on the status bar (`B loss 0.61 val 0.63`), if shown.
  static func forkStatus(in screen: String) -> String? {
    guard let status = UIRun.statusLine(in: screen),
      let range = status.range(of: #"B loss [0-9.e-]+( val [0-9.e-]+)?"#, options: .regularExpression)
    else { return nil }
    return String(status[range])
  }

  @Test("f forks: both branches train side by side with their own settings; F keeps one, the other stays a ghost")
  func forkAndKeep() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("f")
    try ui.expectScreen("A | B, editing B (b)")
    let (forked, running) = try ui.tmux.waitFor { $0.contains("+ B train") && Self.forkStatus(in: $0) != nil }
    #expect(running, "the fork's curve and status never appeared:\n\(forked)")
    try ui.tmux.send("+")
    try ui.expectScreen("B lr 0.01 -> ")
    try ui.expectScreen("B: learning rate")
    // Both branches keep training: the main step number and the fork's validation loss both move.
    let step = try ui.currentStep()
    let fork = try #require(Self.forkStatus(in: try ui.tmux.screen()))
    let (moved, bothMoved) = try ui.tmux.waitFor(timeout: 30) {
      (UIRun.step(in: $0) ?? 0) > step && Self.forkStatus(in: $0).map { $0 != fork } ?? false
    }
    #expect(bothMoved, "a branch stopped training:\n\(moved)")
    try ui.tmux.send("F")
    let kept = try ui.expectScreen("kept ")
    #expect(kept.contains("validation loss"), "\(kept)")
    try ui.expectScreen("ghost 1:")
    #expect(try ui.tmux.screen().contains("Hyperparameters"))
    try ui.waitForStep(above: try ui.currentStep())
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("r keeps the earlier run as a labelled ghost, also in ASCII without colour; c clears it")
  func resetLeavesGhost() throws {
    let ui = try UIRun(["--ascii"], environment: ["NO_COLOR": "1"])
    let first = try ui.currentStep()
    try ui.waitForStep(above: first + 50)
    try ui.tmux.send("+")
    try ui.expectScreen("lr 0.01 -> ")
    try ui.tmux.send("r")
    let screen = try ui.expectScreen("1 ghost 1: lr ")
    #expect(screen.contains("Loss (this run and ghosts)"), "\(screen)")
    #expect(screen.allSatisfy { $0.isASCII })
    try ui.tmux.send("c")
    try ui.expectScreen("cleared the ghost runs")
    #expect(!(try ui.tmux.screen().contains("ghost 1:")))
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("L runs the range test on a copy, suggests a learning rate, and Enter applies it as a change")
  func rangeTestApplies() throws {
    // Slowly, so that the copy is early in training, as on a first look at the preset: a run trained to a
    // minimum has no descent left to suggest a learning rate from.
    let ui = try UIRun(["--speed", "10"])
    try ui.currentStep()
    try ui.tmux.send("L")
    try ui.expectScreen("Learning-rate range test")
    let (screen, suggested) = try ui.tmux.waitFor(timeout: 60) { $0.contains("Suggested learning rate:") }
    #expect(suggested, "no suggestion:\n\(screen)")
    // The live run keeps training while the test runs, with its learning rate untouched.
    #expect(screen.contains("now 0.01"), "\(screen)")
    try ui.tmux.send("Enter")
    let applied = try ui.expectScreen("lr 0.01 -> ")
    #expect(!applied.contains("Learning-rate range test"))
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("o runs the overfit-one-batch check on a copy and shows its verdict and numbers")
  func overfitCheckVerdict() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("o")
    try ui.expectScreen("Overfit-one-batch check")
    let (screen, finished) = try ui.tmux.waitFor(timeout: 60) {
      $0.contains("Verdict: ") && !$0.contains("Verdict: running")
    }
    #expect(finished, "no verdict:\n\(screen)")
    #expect(screen.contains("samples"), "\(screen)")
    try ui.tmux.send("Escape")
    let (closed, gone) = try ui.tmux.waitFor { !$0.contains("Overfit-one-batch check") }
    #expect(gone, "\(closed)")
    try ui.waitForStep(above: try ui.currentStep())
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }
}
