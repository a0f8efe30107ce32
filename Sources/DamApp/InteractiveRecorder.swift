import DamTraining
import Foundation

/// The `--record FILE` of the interactive UI: the header of the first session's preset, then every command
/// the session applies, written from the training queue as it applies them.
///
/// The recording covers the session started with the program. Loading another preset from the picker ends
/// it (its last line is that session's `stop`), since a recording replays one preset.
///
/// A line that cannot be written (a full disk) is lost whole, and a recording without it would replay a
/// different run, so the recording then ends there: a `stop` at the step of the lost command is written as
/// soon as it fits (on a later command, or at the end), making the file a faithful replay of the run up to
/// that step. `failure` says so at once, for the status line, while training goes on.
///
/// The sink and the failure are touched only while holding `lock`, a pthread mutex (`NSLock`) rather than
/// `Synchronization.Mutex`, whose raw futex waits ThreadSanitizer cannot see.
public final class InteractiveRecorder: @unchecked Sendable {
  private struct Output {
    var lines: (any LineSink)?
    /// The `stop` that ends a recording cut short, until it is written.
    var pendingStop: RecordedCommand?
    var failure: String?
  }

  private let lock = NSLock()
  private var output: Output

  /// Creates (or truncates) `path` and writes the header of `preset`.
  /// - Throws: `SessionError` when the file cannot be written.
  public convenience init(path: String, preset: Preset) throws(SessionError) {
    try self.init(lines: LineFile(path: path), preset: preset)
  }

  /// Writes the header of `preset` to `lines`, which then takes the recording.
  /// - Throws: `SessionError` when the header cannot be written.
  public init(lines: any LineSink, preset: Preset) throws(SessionError) {
    try lines.write(
      line: SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed).headerLine)
    output = Output(lines: lines)
  }

  /// Appends one applied command; once the recording was cut short, only retries its `stop`; after
  /// `finish()`, does nothing.
  public func record(_ entry: RecordedCommand) {
    withOutput { output in
      guard let lines = output.lines else { return }
      if output.pendingStop != nil {
        Self.writePendingStop(&output)
        return
      }
      do throws(SessionError) {
        try lines.write(line: SessionRecording.line(entry))
      } catch {
        output.pendingStop = RecordedCommand(step: entry.step, command: .stop)
        output.failure = "\(error.message); the recording stops at step \(entry.step)"
        Self.writePendingStop(&output)
      }
    }
  }

  /// Ends the recording (retrying the `stop` of a recording cut short once more): later commands are not
  /// written.
  public func finish() {
    withOutput { output in
      if output.pendingStop != nil { Self.writePendingStop(&output) }
      if let stop = output.pendingStop {
        output.failure = (output.failure ?? "") + ", and its stop line at step \(stop.step) could not be written"
      }
      output.lines = nil
    }
  }

  /// Why the recording is incomplete, if a write failed; set as soon as it fails.
  public var failure: String? {
    withOutput { $0.failure }
  }

  /// Tries the pending `stop`; once it is written, the recording is complete and takes no more lines.
  private static func writePendingStop(_ output: inout Output) {
    guard let stop = output.pendingStop, let lines = output.lines else { return }
    do throws(SessionError) {
      try lines.write(line: SessionRecording.line(stop))
      output.pendingStop = nil
      output.lines = nil
    } catch {
      return
    }
  }

  private func withOutput<Result>(_ body: (inout Output) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&output)
  }
}
