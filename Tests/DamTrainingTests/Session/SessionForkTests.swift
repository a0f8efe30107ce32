import Dispatch
import Foundation
import Testing

@testable import DamTraining

@Suite("Forking a training session")
struct SessionForkTests: SessionTesting {
  /// The mini-batch losses of the steps from `first` on.
  private func losses(_ snapshot: Snapshot, from first: Int) -> [Double] {
    snapshot.history.trainingLoss.buckets.filter { $0.firstStep >= first }.map(\.mean)
  }

  @Test("A fork with the same settings trains exactly as the original from the same step")
  func forkContinuesIdentically() throws {
    let session = TrainingSession(trainer: try trainer(), paused: true)
    session.send(.step(count: 30))
    let before = waitFor(session) { $0.status == .paused && $0.step == 30 }
    #expect(before.step == 30)
    let fork = try fork(session)
    #expect(fork.snapshot.step == 30)
    for each in [session, fork] { each.send(.step(count: 20)) }
    let original = waitFor(session) { $0.status == .paused && $0.step == 50 }
    let copy = waitFor(fork) { $0.status == .paused && $0.step == 50 }
    #expect(losses(original, from: 30).count == 20)
    #expect(losses(copy, from: 30) == losses(original, from: 30))
    #expect(losses(copy, from: 0) == losses(original, from: 0))
    session.stopAndWait()
    fork.stopAndWait()
  }

  @Test("A fork stops at the lesson's end with the original; a fork made after the end trains on")
  func forkKeepsTheEndStop() throws {
    let session = TrainingSession(trainer: try trainer(), paused: true, pauseAtStep: 40)
    session.send(.step(count: 10))
    _ = waitFor(session) { $0.status == .paused && $0.step == 10 }
    let branch = try fork(session)
    for each in [session, branch] { each.send(.resume) }
    let main = waitFor(session) { $0.status == .paused && $0.step >= 40 }
    let forked = waitFor(branch) { $0.status == .paused && $0.step >= 40 }
    #expect(main.step == 40 && forked.step == 40)
    // Past the end, Space (resume) trains on, and a fork made now has no end stop left to keep.
    session.send(.resume)
    _ = waitFor(session) { $0.step > 45 }
    session.send(.pause)
    let stopped = waitFor(session) { $0.status == .paused }
    let late = try fork(session)
    late.send(.resume)
    let moved = waitFor(late) { $0.step > stopped.step + 20 }
    #expect(moved.status == .running && moved.step > stopped.step + 20, "\(moved.status) at \(moved.step)")
    for each in [session, branch, late] { each.stopAndWait() }
  }

  @Test("A setting sent to the fork changes the fork only, and its losses part from the original's")
  func forkSettingsAreIndependent() throws {
    let session = TrainingSession(trainer: try trainer(), paused: true)
    session.send(.step(count: 10))
    _ = waitFor(session) { $0.status == .paused && $0.step == 10 }
    let fork = try fork(session)
    let original = session.snapshot.preset.training.learningRate
    fork.send(.set(try PresetOverride(parsing: "training.learning_rate=\(original * 10)")))
    for each in [session, fork] { each.send(.step(count: 10)) }
    let main = waitFor(session) { $0.status == .paused && $0.step == 20 }
    let forked = waitFor(fork) { $0.status == .paused && $0.step == 20 }
    #expect(main.preset.training.learningRate == original)
    #expect(forked.preset.training.learningRate == original * 10)
    #expect(forked.history.markers.last?.summary.hasPrefix("lr ") == true)
    #expect(!main.history.markers.contains { $0.summary.hasPrefix("lr ") })
    #expect(losses(forked, from: 11) != losses(main, from: 11))
    session.stopAndWait()
    fork.stopAndWait()
  }

  @Test("A copied trainer has the commands sent before the copy, and the session keeps training")
  func copyFollowsEarlierCommands() throws {
    let session = TrainingSession(trainer: try trainer())
    session.send(.set(try PresetOverride(parsing: "training.l2=0.0125")))
    let copied = Locked<Trainer?>(nil)
    let done = DispatchSemaphore(value: 0)
    session.copyTrainer { trainer in
      copied.withLock { $0 = trainer }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    let trainer = try #require(copied.withLock { $0 })
    #expect(trainer.preset.training.l2 == 0.0125)
    let step = session.snapshot.step
    #expect(waitFor(session) { $0.step > step + 10 }.step > step + 10)
    session.stopAndWait()
  }
}
