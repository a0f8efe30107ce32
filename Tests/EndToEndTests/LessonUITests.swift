import Foundation
import Testing

/// Lessons in a real terminal (tmux, 120x40, the release binary): the card shows the lesson's title, key 1
/// applies its first try, the run at max speed stops at `run.steps` with the summary saying the goal was
/// met, and Space trains on past the end without stopping again.
@Suite("Lessons in the terminal", .serialized)
struct LessonUITests {
  @Test(
    "Card, first try, end summary with the goal met, Space trains on",
    arguments: [
      ("learning-rate-too-low", "Learning rate too low", "val_acc >= 0.9", 1000),
      ("overfitting", "Overfitting: a big network", "val_loss <= 0.4", 2000),
      ("zero-init-symmetry", "Zero initialization", "val_acc >= 0.9", 1000),
    ])
  func lesson(name: String, title: String, goal: String, steps: Int) throws {
    let ui = try UIRun(["--preset", name, "--speed", "1"])
    try ui.expectScreen(title)
    try ui.expectScreen("goal \(goal): not yet")
    try ui.tmux.send("1")
    try ui.expectScreen("try 1: ")
    for _ in 0..<20 { try ui.tmux.send(">") }
    let summary = try ui.expectScreen("End of the lesson", timeout: 120)
    #expect(summary.contains("goal \(goal): met"), "\(summary)")
    let status = summary.split(separator: "\n").last { $0.contains(" | step ") }.map(String.init) ?? ""
    #expect(status.hasPrefix("paused") && UIRun.step(in: status) == steps, "\(summary)")
    // The summary names steps of its own: hide it so the status bar's step is the one read.
    try ui.tmux.send("t")
    try ui.tmux.send("Space")
    try ui.waitForStep(above: steps + 100)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("--no-stop trains past run.steps without the summary")
  func noStop() throws {
    let ui = try UIRun(["--preset", "learning-rate-too-low", "--speed", "max", "--no-stop"])
    let screen = try ui.waitForStep(above: 1500)
    #expect(!screen.contains("End of the lesson"))
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }
}
