import DamTraining
import Foundation

/// A stand-in for a recording file on a disk that fills up: it keeps the lines it accepts and refuses
/// every write while `full` is set, as `LineFile` does on a full disk (nothing of a refused line is kept).
final class FailingLineSink: LineSink, @unchecked Sendable {
  private let lock = NSLock()
  private var kept: [String] = []
  private var isFull = false
  /// How many lines to accept before the disk fills up; nil never fills it by itself.
  private var acceptedBeforeFull: Int?

  /// A sink that fills up after accepting `acceptedBeforeFull` lines (the header counts).
  init(fullAfter acceptedBeforeFull: Int? = nil) {
    self.acceptedBeforeFull = acceptedBeforeFull
  }

  /// The lines written so far.
  var lines: [String] { lock.withLock { kept } }

  /// Fills or frees the disk.
  func setFull(_ full: Bool) {
    lock.withLock {
      isFull = full
      acceptedBeforeFull = nil
    }
  }

  func write(line: String) throws(SessionError) {
    let accepted = lock.withLock { () -> Bool in
      if let limit = acceptedBeforeFull, kept.count >= limit { isFull = true }
      guard !isFull else { return false }
      kept.append(line)
      return true
    }
    if !accepted { throw SessionError("run.jsonl: write failed (No space left on device)") }
  }
}
