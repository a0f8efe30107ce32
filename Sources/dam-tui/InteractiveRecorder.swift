import DamTraining
import Synchronization

/// The `--record FILE` of the interactive UI: the header of the first session's preset, then every command
/// the session applies, written from the training queue as it applies them.
///
/// The recording covers the session started with the program. Loading another preset from the picker ends
/// it (its last line is that session's `stop`), since a recording replays one preset.
final class InteractiveRecorder: Sendable {
  private struct Output {
    var file: LineFile?
    var failure: String?
  }

  private let output: Mutex<Output>

  /// Creates (or truncates) `path` and writes the header of `preset`.
  /// - Throws: `CommandFailure` when the file cannot be written.
  init(path: String, preset: Preset) throws(CommandFailure) {
    let file: LineFile
    do {
      file = try LineFile(path: path)
      try file.write(
        line: SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed).headerLine)
    } catch {
      throw CommandFailure(error.message)
    }
    output = Mutex(Output(file: file))
  }

  /// Appends one applied command; after `finish()` or a failed write, does nothing.
  func record(_ entry: RecordedCommand) {
    output.withLock { output in
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
  func finish() {
    output.withLock { $0.file = nil }
  }

  /// Why the recording is incomplete, if a write failed.
  var failure: String? {
    output.withLock { $0.failure }
  }
}
