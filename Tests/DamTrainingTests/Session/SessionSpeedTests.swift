import Dispatch
import Foundation
import Testing

@testable import DamTraining

@Suite("Training session speed limit")
struct SessionSpeedTests: SessionTesting {
  @Test("Under a limit the session takes no more steps than the limit allows; max speed lifts it")
  func limitCapsSteps() throws {
    let speed = try TrainingSpeed(stepsPerSecond: 20)
    let session = TrainingSession(trainer: try trainer(), speed: speed)
    #expect(session.speed == speed)
    let started = DispatchTime.now().uptimeNanoseconds
    #expect(waitFor(session) { $0.step >= 3 }.step >= 3)
    usleep(500_000)
    let step = session.snapshot.step
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    // One step at once, then one every 50 ms (plus the catch-up allowance): never faster.
    #expect(Double(step) <= 1 + seconds * 20 + 1, "\(step) steps in \(seconds) s at 20 steps/s")
    session.setSpeed(.maximum)
    #expect(session.speed == .maximum)
    #expect(waitFor(session) { $0.step >= step + 500 }.step >= step + 500)
    session.stopAndWait()
  }

  @Test("While it waits for the next step, commands apply and show at once")
  func commandsDoNotWaitForThePace() throws {
    let session = TrainingSession(trainer: try trainer(), speed: try TrainingSpeed(stepsPerSecond: 1))
    #expect(waitFor(session) { $0.step == 1 }.step == 1)
    session.send(.set(try PresetOverride(parsing: "training.learning_rate=0.5")))
    let changed = waitFor(session) { $0.learningRate == 0.5 }
    #expect(changed.learningRate == 0.5)
    // The next step is a second away: the change showed before it, not with it.
    #expect(changed.step == 1)
    session.send(.pause)
    #expect(waitFor(session) { $0.status == .paused }.status == .paused)
    session.stopAndWait()
  }

  @Test("A fork trains at its parent's speed")
  func forkKeepsSpeed() throws {
    let speed = try TrainingSpeed(stepsPerSecond: 5)
    let session = TrainingSession(trainer: try trainer(), paused: true, speed: speed)
    let fork = try fork(session)
    #expect(fork.speed == speed)
    fork.stopAndWait()
    session.stopAndWait()
  }
}
