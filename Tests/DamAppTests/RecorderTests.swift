import DamApp
import DamTraining
import Testing

/// `--record` on a disk that fills up: the recording never holds a run other than the one trained, says so
/// at once, and the screen goes on training.
@Suite("Recording on a full disk")
struct RecorderTests {
  private static let preset = Preset(name: "test", source: .builtIn)

  private static func change(at step: Int, _ argument: String) throws -> RecordedCommand {
    RecordedCommand(step: step, command: .set(try PresetOverride(parsing: argument)))
  }

  @Test("A lost line ends the recording with a stop at its step, written once the disk has room again")
  func lostLineEndsRecording() throws {
    let sink = FailingLineSink()
    let recorder = try InteractiveRecorder(lines: sink, preset: Self.preset)
    recorder.record(try Self.change(at: 5, "training.l2=0.001"))
    #expect(recorder.failure == nil)
    sink.setFull(true)
    recorder.record(try Self.change(at: 9, "training.l2=0.01"))
    #expect(recorder.failure?.contains("No space left on device") == true)
    #expect(recorder.failure?.contains("stops at step 9") == true)
    recorder.record(try Self.change(at: 12, "training.l2=0.1"))
    sink.setFull(false)
    recorder.record(try Self.change(at: 20, "training.l2=0.2"))
    recorder.record(RecordedCommand(step: 30, command: .stop))
    recorder.finish()
    let recording = try SessionRecording(parsing: sink.lines.joined(separator: "\n") + "\n", file: "run.jsonl")
    #expect(recording.commands.map(\.step) == [5, 9])
    #expect(recording.commands.last?.command == .stop)
  }

  @Test("A stop that never fits is reported when the recording ends")
  func stopNeverWritten() throws {
    let sink = FailingLineSink(fullAfter: 1)
    let recorder = try InteractiveRecorder(lines: sink, preset: Self.preset)
    recorder.record(try Self.change(at: 3, "training.l2=0.001"))
    recorder.finish()
    #expect(recorder.failure?.contains("its stop line at step 3 could not be written") == true)
    #expect(sink.lines.count == 1)
  }

  @Test("The screen warns in the status line as soon as a line of --record is lost, and training goes on")
  func screenWarnsAndTrains() throws {
    let sink = FailingLineSink(fullAfter: 1)
    let ui = try AppRun(recordingSink: sink)
    let step = try ui.currentStep()
    ui.send("+")
    ui.expectScreen("--record cut short, training goes on: run.jsonl: write failed (No space left on device)")
    ui.waitForStep(above: step + 50)
    ui.quit()
  }
}
