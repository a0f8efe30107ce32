import DamEngine
import Dispatch
import Synchronization
import Testing

@testable import DamTraining

@Suite("Training session under load")
struct SessionStressTests {
  @Test("Thousands of random commands from several threads while training and reading snapshots apply in order")
  func randomCommands() throws {
    let preset = try Preset(name: "test", source: .builtIn).applying([try PresetOverride(parsing: "run.eval_every=3")])
    let applied = Mutex<[RecordedCommand]>([])
    let session = TrainingSession(trainer: try Trainer(preset: preset)) { entry in
      applied.withLock { $0.append(entry) }
    }
    let threads = 4
    let perThread = 250
    let reading = Atomic<Bool>(true)
    let reads = Atomic<Int>(0)
    let reader = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var lastVersion = 0
      while reading.load(ordering: .relaxed) {
        let snapshot = session.snapshot
        precondition(snapshot.version >= lastVersion, "snapshots go back in time")
        lastVersion = snapshot.version
        _ = snapshot.history.trainingLoss.buckets.count + (snapshot.decisionMap?.values.count ?? 0)
        reads.add(1, ordering: .relaxed)
      }
      reader.signal()
    }
    let others: [Command] = [
      .pause, .resume, .step(count: 2), .reinitialize, .rewind, .resetToPreset,
      .set(try PresetOverride(parsing: "model.activation=relu")), .set(try PresetOverride(parsing: "model.hidden=[4]")),
    ]
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
      var generator = SeededGenerator(seed: UInt64(thread + 1))
      for index in 0..<perThread {
        // Two commands per round (2,000 in all). Thread t sets l2 to t + index / 10^4, so the value says who
        // sent it and in which order.
        session.send(.set(try! PresetOverride(parsing: "training.l2=\(Double(thread) + Double(index) / 10_000)")))
        session.send(others[generator.nextInt(below: others.count)])
      }
    }
    session.send(.resume)
    session.stopAndWait()
    reading.store(false, ordering: .relaxed)
    reader.wait()
    let entries = applied.withLock { $0 }
    let values = entries.compactMap { entry -> Double? in
      guard case .set(let override) = entry.command, override.argument.hasPrefix("training.l2=") else { return nil }
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
    #expect(reads.load(ordering: .relaxed) > 0)
  }
}
