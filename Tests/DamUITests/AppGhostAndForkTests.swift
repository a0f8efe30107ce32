import DamEngine
import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: ghost runs and forks")
struct AppGhostAndForkTests {
  /// A history whose training loss at step s is `1 / (s + 1)`, for `steps` steps.
  private func history(steps: Int) -> TrainingHistory {
    var history = TrainingHistory(layerCount: 1)
    for step in 0..<steps { history.recordStep(step, loss: 1 / Double(step + 1), layers: [LayerMetrics()]) }
    return history
  }

  /// The ghost `effects` asked to capture.
  private func capturedGhost(_ effects: [Effect]) -> GhostRun? {
    for case .captureGhost(let ghost) in effects { return ghost }
    return nil
  }

  @Test("r and i ask to keep the ending run, with the settings it trained with, before the command")
  func resetAndReinitializeCaptureTheRun() throws {
    var state = makeAppState()
    press(&state, .right)
    select(.initializer, in: &state)
    press(&state, .right)
    let reinitialize = press(&state, .character("i"))
    let ghost = try #require(capturedGhost(reinitialize))
    #expect(reinitialize.last == .send(.reinitialize))
    #expect(ghost.settings.training.learningRate == 0.0315)
    #expect(ghost.settings.model.initializer.kind == .xavierUniform, "the pending init had not trained yet")
    let reset = press(&state, .character("r"))
    #expect(capturedGhost(reset)?.settings.model.initializer.kind == .xavierNormal)
    #expect(reset.last == .send(.resetToPreset))
  }

  @Test("A captured ghost starts the next run; at most four are kept, the oldest dropped; c clears them")
  func ghostsAreKeptAndCleared() {
    var state = makeAppState()
    #expect(press(&state, .character("c")).isEmpty)
    #expect(state.statusMessage?.hasPrefix("no ghost runs") == true)
    for run in 1...5 {
      var ghost = GhostRun(settings: state.settings, startStep: state.runStartStep)
      ghost.endStep = run * 100
      ghost.nextStep = run * 100 + 1
      send(&state, .ghostCaptured(ghost))
    }
    #expect(state.ghosts.count == GhostRun.capacity)
    #expect(state.ghosts.map(\.endStep) == [200, 300, 400, 500])
    #expect(state.runStartStep == 501)
    press(&state, .character("c"))
    #expect(state.ghosts.isEmpty)
    send(&state, .presetLoaded(state.preset))
    #expect(state.runStartStep == 0)
  }

  @Test("A ghost's curve is the run's training loss, counted from its first step")
  func ghostCurveFromHistory() {
    let ghost = GhostRun(settings: makeAppState().settings, startStep: 100).capturing(history(steps: 300), through: 299)
    #expect(ghost.startStep == 100)
    #expect(ghost.endStep == 299)
    #expect(ghost.length == 199)
    #expect(ghost.trainingLoss.first?.x == 0)
    #expect(ghost.trainingLoss.first?.y == 1.0 / 101)
    #expect(ghost.trainingLoss.last?.x == 199)
    #expect(ghost.trainingLoss.count == 200)
  }

  @Test("After a blow-up and i, the new run counts and smooths its loss from its own first step")
  func nextRunStartsAfterTheGhost() {
    var state = makeAppState()
    var history = TrainingHistory(layerCount: 1)
    for step in 0..<6 { history.recordStep(step, loss: [1, 1e4, 1e8, 1e12, 1e16, 1e20][step], layers: nil) }
    let ghost = GhostRun(settings: state.settings, startStep: 0).capturing(history, through: 6)
    #expect(ghost.endStep == 5)
    send(&state, .ghostCaptured(ghost))
    #expect(state.runStartStep == 6)
    for step in 6..<20 { history.recordStep(step, loss: 0.5, layers: nil) }
    let smoothed = history.trainingLoss.smoothedPoints(
      weight: 0.9, from: state.runStartStep, over: 0...19, columns: 40)
    #expect(smoothed.first?.x == 6)
    #expect(smoothed.allSatisfy { abs($0.y - 0.5) < 1e-12 }, "\(smoothed)")
  }

  @Test("A ghost's label says what it had that differs from the current run, or that nothing did")
  func ghostLabels() throws {
    let current = makeAppState().settings
    var earlier = current
    earlier.model.initializer.kind = .heNormal
    earlier.training.learningRate = 0.03
    earlier.training.l2 = 1e-4
    #expect(
      GhostRun(settings: current, startStep: 0).label(number: 2, comparedWith: current) == "ghost 2: same settings")
    #expect(
      GhostRun(settings: earlier, startStep: 0).label(number: 1, comparedWith: current)
        == "ghost 1: L2 1e-4 he-normal")
    earlier.name = "circle"
    earlier.training.optimizer = .sgd
    #expect(
      GhostRun(settings: earlier, startStep: 0).label(number: 1, comparedWith: current)
        == "ghost 1: preset circle L2 1e-4 he-normal sgd")
  }

  @Test("f forks with the same settings and edits the fork: changes go to the fork's session only")
  func forkEditsTheFork() throws {
    var state = makeAppState()
    #expect(press(&state, .character("f")) == [.fork])
    #expect(state.fork?.settings == state.settings)
    #expect(state.editedBranch == .fork)
    let raise = press(&state, .right)
    #expect(raise == [.sendFork(.set(try PresetOverride(parsing: "training.learning_rate=0.0315")))])
    #expect(state.fork?.settings.training.learningRate == 0.0315)
    #expect(state.settings.training.learningRate == 0.03)
    #expect(state.parameterRows[0].value == "0.03")
    #expect(state.parameterRows[0].forkValue == "0.0315")
    press(&state, .character("b"))
    #expect(state.editedBranch == .main)
    let lower = press(&state, .left)
    #expect(lower.count == 1)
    guard case .send(.set) = lower.first else {
      Issue.record("the main branch's change did not go to the main session: \(lower)")
      return
    }
    #expect(state.settings.training.learningRate < 0.03)
    #expect(state.fork?.settings.training.learningRate == 0.0315)
    #expect(press(&state, .character("f")).isEmpty, "a second fork is refused")
  }

  @Test("While forked, Space and n reach both sessions; r, u and p need a single run")
  func forkCommands() {
    var state = makeAppState()
    press(&state, .character("f"))
    #expect(press(&state, .character(" ")) == [.send(.pause), .sendFork(.pause)])
    #expect(press(&state, .character("n")) == [.send(.step(count: 1)), .sendFork(.step(count: 1))])
    for key in ["r", "u", "p"] {
      #expect(press(&state, .character(Character(key))).isEmpty, "\(key)")
      #expect(state.statusMessage?.hasSuffix("F keeps the better branch first") == true, "\(key)")
      #expect(state.dialog == nil)
    }
    select(.initializer, in: &state)
    press(&state, .right)
    #expect(state.parameterRows[state.selectedIndex].isForkPending)
    #expect(press(&state, .character("i")) == [.sendFork(.reinitialize)])
    #expect(!state.parameterRows[state.selectedIndex].isForkPending)
  }

  @Test("F waits for the fork to run, then keeps the better branch; the other stays as a ghost")
  func keepBetterBranch() throws {
    var state = makeAppState()
    #expect(press(&state, .character("F")).isEmpty)
    press(&state, .character("f"), .right)
    #expect(press(&state, .character("F")).isEmpty, "the fork has not started")
    send(&state, .forked(step: 120))
    #expect(state.fork?.startStep == 120)
    #expect(press(&state, .character("F")) == [.keepBetterBranch])
    let dropped = state.ghost(of: .main)
    #expect(dropped.settings.training.learningRate == 0.03)
    send(&state, .branchKept(BranchChoice(kept: .fork, reason: "kept B: lower"), dropped: dropped))
    #expect(state.fork == nil)
    #expect(state.editedBranch == .main)
    #expect(state.settings.training.learningRate == 0.0315)
    #expect(state.ghosts == [dropped])
    #expect(state.statusMessage == "kept B: lower")
    #expect(state.parameterRows.allSatisfy { $0.forkValue == nil })
  }

  @Test("The better branch has the lower validation loss; a diverged branch loses; a tie keeps A")
  func branchChoice() {
    func snapshot(validation: Double, step: Int, status: Snapshot.Status = .running) -> Snapshot {
      var snapshot = ViewFixture.snapshot(steps: 10, status: status)
      snapshot.evaluation?.validationLoss = validation
      snapshot.evaluation?.step = step
      return snapshot
    }
    let forkBetter = BranchChoice.better(
      main: snapshot(validation: 0.25, step: 5096), fork: snapshot(validation: 0.21, step: 5120))
    #expect(forkBetter.kept == .fork)
    #expect(forkBetter.reason == "kept B: validation loss 0.21 at step 5.12k < A's 0.25 at 5.1k")
    #expect(
      BranchChoice.better(main: snapshot(validation: 0.2, step: 9), fork: snapshot(validation: 0.3, step: 9)).kept
        == .main)
    #expect(
      BranchChoice.better(main: snapshot(validation: 0.2, step: 9), fork: snapshot(validation: 0.2, step: 9)).kept
        == .main)
    let diverged = BranchChoice.better(
      main: snapshot(validation: 0.1, step: 9, status: .diverged), fork: snapshot(validation: 0.5, step: 9))
    #expect(diverged.kept == .fork)
    #expect(diverged.reason == "kept B: A has no finite validation loss (it diverged)")
    #expect(
      BranchChoice.better(main: snapshot(validation: .nan, step: 9), fork: snapshot(validation: .nan, step: 9)).kept
        == .main)
  }

  @Test("Settings a fork's session reports replace the fork's column only")
  func forkSessionSettings() {
    var state = makeAppState()
    press(&state, .character("f"))
    var reported = state.settings
    reported.training.learningRate = 0.5
    send(&state, .sessionSettings(.fork, settings: reported, appliedModel: reported.model))
    #expect(state.fork?.settings.training.learningRate == 0.5)
    #expect(state.settings.training.learningRate != 0.5)
    #expect(state.parameterRows[0].forkValue == "0.5")
  }
}
