import DamTraining

/// The JSON lines and the recording of a headless run (`train`, `replay`), opened once `OutputPlan` has
/// checked them.
///
/// A failed write does not throw where it happens: the first failure is kept, the run polls `failure` and
/// stops, every later line is still tried (the final record and the `stop` line go out when they fit; each
/// line is whole or absent), and `requireWritten()` then ends the command with exit 2.
final class RunStreams {
  private let jsonl: LineFile?
  private let recording: LineFile?
  /// The first write that failed, as a message.
  private(set) var failure: String?

  /// Opens the streams; an existing file is replaced only when `overwrite`.
  /// - Throws: `CommandFailure` when one cannot be opened.
  init(jsonl: OutputTarget?, record: OutputTarget?, overwrite: Bool) throws(CommandFailure) {
    do {
      self.jsonl = try jsonl.map { target throws(OutputError) in try LineFile(target: target, overwrite: overwrite) }
      recording = try record.map { target throws(OutputError) in try LineFile(target: target, overwrite: overwrite) }
    } catch {
      throw CommandFailure(error.description)
    }
  }

  /// Writes one JSON line of the run.
  func evaluation(_ line: String) {
    write(line, to: jsonl)
  }

  /// Writes one line of the recording.
  func record(_ line: String) {
    write(line, to: recording)
  }

  /// Remembers a failure of another output (the weights).
  func fail(_ message: String) {
    if failure == nil { failure = message }
  }

  /// Ends the command when a write failed.
  /// - Throws: `CommandFailure` with the first failure.
  func requireWritten() throws(CommandFailure) {
    if let failure { throw CommandFailure(failure) }
  }

  private func write(_ line: String, to file: LineFile?) {
    do throws(SessionError) {
      try file?.write(line: line)
    } catch {
      fail(error.message)
    }
  }
}
