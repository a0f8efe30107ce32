import Dispatch
import Foundation
import Testing

@testable import DamTraining

/// What the session test suites share: a small trainer, and waiting for a snapshot.
protocol SessionTesting {}

extension SessionTesting {
  /// A trainer on the built-in test preset, evaluating every 5 steps.
  func trainer() throws -> Trainer {
    try Trainer(
      preset: try Preset(name: "test", source: .builtIn).applying([try PresetOverride(parsing: "run.eval_every=5")]))
  }

  /// Forks `session` (paused) and waits for the fork.
  func fork(_ session: TrainingSession) throws -> TrainingSession {
    let received = Locked<TrainingSession?>(nil)
    let done = DispatchSemaphore(value: 0)
    session.fork(paused: true) { fork in
      received.withLock { $0 = fork }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 30) == .success)
    return try #require(received.withLock { $0 })
  }

  /// Polls `session` until a snapshot meets `condition` (at most 30 s) and returns the last one seen.
  func waitFor(_ session: TrainingSession, _ condition: (Snapshot) -> Bool) -> Snapshot {
    let deadline = DispatchTime.now().uptimeNanoseconds + 30_000_000_000
    while DispatchTime.now().uptimeNanoseconds < deadline {
      let snapshot = session.snapshot
      if condition(snapshot) { return snapshot }
      usleep(1_000)
    }
    return session.snapshot
  }
}
