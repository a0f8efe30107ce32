import Testing

@testable import DamTraining

@Suite("Command sequence numbers")
struct SessionSequenceTests: SessionTesting {
  @Test("Each command gets the next number, and the snapshot says the last one applied or refused")
  func snapshotAcknowledgesCommands() throws {
    let session = TrainingSession(trainer: try trainer(), paused: true)
    #expect(session.snapshot.lastAcknowledged == 0)
    let first = session.send(.set(try PresetOverride(parsing: "training.learning_rate=0.05")))
    let refused = session.send(.set(try PresetOverride(parsing: "training.learning_rate=-1")))
    #expect((first, refused) == (1, 2))
    let snapshot = waitFor(session) { $0.lastAcknowledged == refused }
    #expect(snapshot.lastAcknowledged == 2)
    #expect(snapshot.preset.training.learningRate == 0.05)
    #expect(snapshot.message != nil)
    session.stopAndWait()
  }

  @Test("A fork's copy has the commands sent before the fork and none sent after")
  func forkTakesCommandsInOrder() throws {
    let session = TrainingSession(trainer: try trainer())
    let original = session.snapshot.preset.training.learningRate
    session.send(.set(try PresetOverride(parsing: "training.l2=0.0125")))
    let received = Locked<TrainingSession?>(nil)
    session.fork(paused: true) { fork in received.withLock { $0 = fork } }
    let after = session.send(.set(try PresetOverride(parsing: "training.learning_rate=\(original * 10)")))
    #expect(waitFor(session) { $0.lastAcknowledged == after }.preset.training.learningRate == original * 10)
    let fork = try #require(received.withLock { $0 })
    #expect(fork.snapshot.preset.training.l2 == 0.0125)
    #expect(fork.snapshot.preset.training.learningRate == original)
    #expect(fork.snapshot.lastAcknowledged == 0)
    session.stopAndWait()
    fork.stopAndWait()
  }
}
