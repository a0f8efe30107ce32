import Dispatch
import Foundation
import Synchronization
import Testing

@testable import DamTraining

@Suite("Training session")
struct TrainingSessionTests: SessionTesting {
  @Test("It trains, pauses, steps exactly N times while paused and resumes")
  func pauseAndStep() throws {
    let session = TrainingSession(trainer: try trainer())
    #expect(waitFor(session) { $0.step >= 20 }.step >= 20)
    session.send(.pause)
    let paused = waitFor(session) { $0.status == .paused }
    #expect(paused.status == .paused)
    session.send(.step(count: 3))
    let stepped = waitFor(session) { $0.status == .paused && $0.step == paused.step + 3 }
    #expect(stepped.step == paused.step + 3)
    #expect(stepped.evaluation != nil)
    session.send(.resume)
    #expect(waitFor(session) { $0.step > stepped.step + 10 }.status == .running)
    session.stopAndWait()
    #expect(session.snapshot.status == .stopped)
  }

  @Test("Commands sent from many threads while training are all applied, each thread's in order")
  func concurrentCommands() throws {
    let applied = Mutex<[RecordedCommand]>([])
    let session = TrainingSession(trainer: try trainer()) { entry in applied.withLock { $0.append(entry) } }
    let threads = 4
    let perThread = 300
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      for index in 0..<perThread {
        // Thread t sets l2 to t + index / 10^4, so the value says who sent it and in which order.
        let value = Double(thread) + Double(index) / 10_000
        session.send(.set(try! PresetOverride(parsing: "training.l2=\(value)")))
        if index % 50 == 0 { session.send(index % 100 == 0 ? .pause : .resume) }
      }
    }
    session.stopAndWait()
    let entries = applied.withLock { $0 }
    let values = entries.compactMap { entry -> Double? in
      guard case .set(let override) = entry.command else { return nil }
      return Double(override.argument.split(separator: "=")[1])
    }
    #expect(values.count == threads * perThread)
    for thread in 0..<threads {
      let mine = values.filter { Int($0) == thread }
      #expect(mine == mine.sorted())
      #expect(mine.count == perThread)
    }
    #expect(entries.map(\.step) == entries.map(\.step).sorted())
    #expect(entries.last?.command == .stop)
  }

  @Test("A refused command is reported in the snapshot and not recorded")
  func refusedCommand() throws {
    let applied = Mutex<[RecordedCommand]>([])
    let session = TrainingSession(trainer: try trainer(), paused: true) { entry in applied.withLock { $0.append(entry) }
    }
    session.send(.set(try PresetOverride(parsing: "training.learning_rate=-1")))
    let snapshot = waitFor(session) { $0.message != nil }
    #expect(snapshot.message?.contains("learning_rate") == true)
    session.stopAndWait()
    #expect(applied.withLock { $0.map(\.command) } == [.stop])
  }
}
