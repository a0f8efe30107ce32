import DamEngine
import DamTraining
import Dispatch
import Synchronization

/// Writes a `TrainingEventLog` on a background queue, in order, so that the training thread only copies
/// what an evaluation's events need (the report and findings, which it shares, and the network's
/// parameters and gradient into a reused `NetworkSnapshot`): the histograms, the protobuf encoding, the
/// checksums and the system call all happen on the queue. Each event is still one record written as
/// soon as the queue reaches it.
final class BackgroundEventWriter: @unchecked Sendable {
  // `log` is used only on `queue`; `problem` and `spareSnapshots` are behind their mutexes.
  private let log: TrainingEventLog
  private let queue = DispatchQueue(label: "dam-tui.run-log.events")
  private let problem = Mutex<RunLogError?>(nil)
  /// Snapshots the queue has finished with, for the next evaluations to copy into.
  private let spareSnapshots = Mutex<[NetworkSnapshot]>([])

  /// Writes through `log`, which nothing else may use from now on.
  init(_ log: TrainingEventLog) {
    self.log = log
  }

  /// Queues an evaluation (`TrainingEventLog.record(_:findings:network:)`), copying `network` first.
  func record(_ report: EvaluationReport, findings: [Finding], network: Network<Float>) {
    let snapshot = spareSnapshots.withLock { $0.popLast() } ?? NetworkSnapshot()
    snapshot.capture(network)
    perform { log throws(RunLogError) in
      defer { self.spareSnapshots.withLock { $0.append(snapshot) } }
      try log.record(report, findings: findings, network: snapshot)
    }
  }

  /// Queues an applied command (`TrainingEventLog.record(_:)`).
  func record(_ entry: RecordedCommand) {
    perform { log throws(RunLogError) in try log.record(entry) }
  }

  /// The first failed write since the last call, if any.
  func takeFailure() -> RunLogError? {
    problem.withLock { problem in
      defer { problem = nil }
      return problem
    }
  }

  /// Waits until every queued event is written.
  func drain() {
    queue.sync {}
  }

  private func perform(_ work: @escaping @Sendable (TrainingEventLog) throws(RunLogError) -> Void) {
    queue.async {
      do throws(RunLogError) {
        try work(self.log)
      } catch {
        self.problem.withLock { if $0 == nil { $0 = error } }
      }
    }
  }
}
