import DamTraining
import Foundation
import Testing

/// The interactive controller in process, driven through a `TestTerminal` as a person would: keys in,
/// frames out, waiting for frames instead of sleeping. These were end-to-end tests in tmux; their
/// assertions are unchanged.
@Suite("Interactive controller")
struct ControllerTests {
  @Test("Training starts at once and the step number moves")
  func trainingStartsAtOnce() throws {
    let ui = try AppRun()
    let first = try ui.currentStep()
    ui.waitForStep(above: first)
    ui.quit()
  }

  @Test("`+` raises the learning rate and a change marker says so")
  func plusRaisesLearningRate() throws {
    let ui = try AppRun()
    ui.expectScreen("learning rate")
    try ui.currentStep()
    ui.send("+")
    let screen = ui.expectScreen("lr 0.01 -> ")
    let marker = try #require(screen.range(of: #"lr 0\.01 -> [0-9.e-]+"#, options: .regularExpression))
    let raised = try #require(Double(screen[marker].split(separator: " ").last ?? ""))
    #expect(raised > 0.01)
    ui.quit()
  }

  @Test("u undoes the last change, and the parameter panel shows the session's value again")
  func rewindUndoesChange() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    let (raised, shown) = ui.waitFor { AppRun.learningRate(in: $0).map { $0 > 0.01 } ?? false }
    #expect(shown, "the panel did not show the raised learning rate:\n\(raised)")
    ui.send("u")
    let (screen, restored) = ui.waitFor { AppRun.learningRate(in: $0) == 0.01 }
    #expect(restored, "the panel still shows the undone learning rate:\n\(screen)")
    ui.quit()
  }

  @Test("Space pauses (n then takes exactly one step) and Space resumes")
  func pauseAndResume() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("Space")
    // The status says paused at once; the throughput (`6.4k/s`, not the speed limit `200 steps/s`) leaves
    // the status line once the session has stopped stepping, and from then on the step number holds.
    let (pausedScreen, settled) = ui.waitFor {
      guard let status = AppRun.statusLine(in: $0) else { return false }
      return status.hasPrefix("paused") && status.range(of: "[0-9][kMG]?/s", options: .regularExpression) == nil
    }
    #expect(settled, "training did not pause:\n\(pausedScreen)")
    let paused = try #require(AppRun.step(in: pausedScreen))
    ui.send("n")
    let (stepped, matched) = ui.waitFor { AppRun.step(in: $0) == paused + 1 }
    #expect(matched, "n did not take exactly one step from \(paused):\n\(stepped)")
    #expect(stepped.contains("paused"))
    ui.send("Space")
    ui.expectScreen("running")
    ui.waitForStep(above: paused + 1)
    ui.quit()
  }

  @Test("Ctrl-C as a key quits; a quit signal ends the loop with its reason")
  func quitKeysAndSignals() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("C-c")
    let (ended, reason) = ui.exit()
    #expect(ended && reason == nil)
    let signalled = try AppRun()
    try signalled.currentStep()
    signalled.terminal.send(.quit(.terminate))
    let (stopped, why) = signalled.exit()
    #expect(stopped && why == .terminate)
  }

  @Test("Below the minimum size a too-small screen shows, and the UI comes back at full size")
  func resizeToTooSmallAndBack() throws {
    let ui = try AppRun()
    let before = try ui.currentStep()
    ui.terminal.send(.resize(.init(width: 50, height: 15)))
    ui.expectScreen("too small")
    ui.terminal.send(.resize(.init(width: 120, height: 40)))
    let (screen, matched) = ui.waitFor(timeout: 20) { !$0.contains("too small") && AppRun.step(in: $0) != nil }
    #expect(matched, "the UI did not come back:\n\(screen)")
    ui.waitForStep(above: before)
    ui.quit()
  }

  @Test("A click selects a parameter row; the wheel over a row raises its value")
  func mouseSelectsAndAdjusts() throws {
    let ui = try AppRun()
    try ui.currentStep()
    // Rows start below the panel's top border: learning rate, L1, L2.
    ui.terminal.send(.mouse(.click(x: 5, y: 3)))
    ui.expectScreen("│> L2 ")
    ui.terminal.send(.mouse(.wheelUp(x: 5, y: 1)))
    ui.expectScreen("lr 0.01 -> ")
    #expect(ui.screen.contains("│> learning rate"))
    ui.quit()
  }

  @Test("--record writes the preset's header, every applied change, and the stop")
  func recordingHoldsAppliedCommands() throws {
    let ui = try AppRun(recording: "run.jsonl")
    try ui.currentStep()
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    ui.quit()
    let path = ui.folder.appendingPathComponent("run.jsonl").path
    let recording = try SessionRecording(parsing: try String(contentsOfFile: path, encoding: .utf8), file: path)
    #expect(recording.presetName == "default")
    #expect(recording.commands.count == 2, "\(recording.commands)")
    guard case .set(let override) = recording.commands.first?.command else {
      Issue.record("the change was not recorded: \(recording.commands)")
      return
    }
    #expect(override.argument.hasPrefix("training.learning_rate="), "\(override.argument)")
    #expect(recording.commands.last?.command == .stop)
  }
}
