import Dispatch
import Synchronization

/// Writes TensorBoard events on a background queue, in order, so the training thread only builds them
/// (scalars and histograms, a copy of what it needs): the protobuf encoding, the checksums and the
/// system call happen off it. Each event is still one record written as soon as the queue reaches it.
final class BackgroundEventWriter: @unchecked Sendable {
  // `writer` is used only on `queue`; `problem` is behind its mutex.
  private let writer: TensorBoardEventWriter
  private let queue = DispatchQueue(label: "dam-tui.run-log.events")
  private let problem = Mutex<RunLogError?>(nil)

  /// Writes through `writer`, which nothing else may use from now on.
  init(_ writer: TensorBoardEventWriter) {
    self.writer = writer
  }

  /// Queues `values` at `step`.
  func write(_ values: SummaryValues, step: Int) {
    queue.async {
      do throws(RunLogError) {
        try self.writer.write(values, step: step)
      } catch {
        self.problem.withLock { if $0 == nil { $0 = error } }
      }
    }
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
}
