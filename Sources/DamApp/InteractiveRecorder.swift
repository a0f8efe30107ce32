import DamTraining
import Foundation

/// The `--record FILE` of the interactive UI: the header of the first session's preset, then every command
/// the session applies, written from the training queue as it applies them.
///
/// The recording covers the session started with the program. Loading another preset from the picker ends
/// it (its last line is that session's `stop`), since a recording replays one preset.
///
/// The file and the failure are touched only while holding `lock`, a pthread mutex (`NSLock`) rather than
/// `Synchronization.Mutex`, whose raw futex waits ThreadSanitizer cannot see.
public final class InteractiveRecorder: @unchecked Sendable {
  private struct Output {
    var file: LineFile?
    var failure: String?
  }

  private let lock = NSLock()
  private var output: Output

  /// Creates (or truncates) `path` and writes the header of `preset`.
  /// - Throws: `SessionError` when the file cannot be written.
  public init(path: String, preset: Preset) throws(SessionError) {
    let file = try LineFile(path: path)
    try file.write(
      line: SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed).headerLine)
    output = Output(file: file)
  }

  /// Appends one applied command; after `finish()` or a failed write, does nothing.
  public func record(_ entry: RecordedCommand) {
    withOutput { output in
      guard let file = output.file else { return }
      do throws(SessionError) {
        try file.write(line: SessionRecording.line(entry))
      } catch {
        output.failure = error.message
        output.file = nil
      }
    }
  }

  /// Ends the recording: later commands are not written.
  public func finish() {
    withOutput { $0.file = nil }
  }

  /// Why the recording is incomplete, if a write failed.
  public var failure: String? {
    withOutput { $0.failure }
  }

  private func withOutput<Result>(_ body: (inout Output) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&output)
  }
}
