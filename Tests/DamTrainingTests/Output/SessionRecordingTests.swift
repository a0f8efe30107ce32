import Testing

@testable import DamTraining

@Suite("Session recordings")
struct SessionRecordingTests {
  private func override(_ text: String) throws -> PresetOverride { try PresetOverride(parsing: text) }

  @Test("A recording reads back exactly as written")
  func roundTrip() throws {
    let recording = SessionRecording(
      presetName: "default", presetText: "title = \"Spiral \\\"hard\\\"\"\n\n[run]\nseed = 7\n", seed: UInt64(Int.max),
      commands: [
        RecordedCommand(step: 0, command: .set(try override("training.learning_rate=0.1"))),
        RecordedCommand(step: 10, command: .pause),
        RecordedCommand(step: 10, command: .step(count: 3)),
        RecordedCommand(step: 13, command: .resume),
        RecordedCommand(step: 400, command: .set(try override("model.hidden=[8, 8]"))),
        RecordedCommand(step: 400, command: .reinitialize),
        RecordedCommand(step: 900, command: .rewind),
        RecordedCommand(step: 700, command: .resetToPreset),
        RecordedCommand(step: 2_000, command: .stop),
      ])
    let parsed = try SessionRecording(parsing: recording.text, file: "run.jsonl")
    #expect(parsed == recording)
    #expect(parsed.seed == UInt64(Int.max))
  }

  @Test("Each line is the documented JSON")
  func lines() throws {
    let recording = SessionRecording(presetName: "x", presetText: "[run]\nseed = 3\n", seed: 3)
    #expect(recording.headerLine == #"{"recording":1,"name":"x","seed":3,"preset":"[run]\nseed = 3\n"}"#)
    let set = RecordedCommand(step: 12_400, command: .set(try override("training.learning_rate=0.01")))
    #expect(SessionRecording.line(set) == #"{"step":12400,"command":"set","value":"training.learning_rate=0.01"}"#)
    #expect(
      SessionRecording.line(RecordedCommand(step: 5, command: .step(count: 2)))
        == #"{"step":5,"command":"step","count":2}"#)
  }

  @Test("Problems are reported with the file and line")
  func errors() {
    let header = #"{"recording":1,"name":"x","seed":3,"preset":""}"#
    let cases: [(String, String)] = [
      ("", "run.jsonl:1: the file is empty: expected a recording header"),
      ("not json", "run.jsonl:1: not a JSON object"),
      (
        #"{"recording":2,"name":"x","seed":3,"preset":""}"#,
        "run.jsonl:1: recording format 2 is not supported (this dam-tui reads format 1)"
      ),
      (
        header + "\n" + #"{"step":1,"command":"jump"}"#,
        "run.jsonl:2: unknown command \"jump\" (expected set, pause, resume, step, reinitialize, reset_to_preset, rewind or stop)"
      ),
      (header + "\n\n" + #"{"command":"pause"}"#, "run.jsonl:3: missing \"step\""),
      (header + "\n" + #"{"step":"a","command":"pause"}"#, "run.jsonl:2: \"step\" has the wrong type"),
      (header + "\n" + #"{"step":-1,"command":"pause"}"#, "run.jsonl:2: step -1 is negative"),
      (
        header + "\n" + #"{"step":1,"command":"step","count":0}"#,
        "run.jsonl:2: a step command needs a \"count\" of at least 1"
      ),
      (header + "\n" + #"{"step":1,"command":"set"}"#, "run.jsonl:2: a set command needs a \"value\""),
    ]
    for (text, message) in cases {
      #expect(throws: RecordingError.self) { try SessionRecording(parsing: text, file: "run.jsonl") }
      do {
        _ = try SessionRecording(parsing: text, file: "run.jsonl")
      } catch {
        #expect(error.description == message)
      }
    }
  }

  @Test("CRLF line ends read as LF, and each command keeps its line number")
  func crlf() throws {
    let recording = SessionRecording(
      presetName: "x", presetText: "[run]\nseed = 3\n", seed: 3,
      commands: [
        RecordedCommand(step: 2, command: .set(try override("training.l2=0.1"))),
        RecordedCommand(step: 9, command: .stop),
      ])
    let text = recording.text.replacingOccurrences(of: "\n", with: "\r\n")
    let parsed = try SessionRecording(parsing: text, file: "run.jsonl")
    #expect(parsed == recording)
    #expect(parsed.commandLines == [2, 3])
  }

  @Test(
    "A seed out of range names the key and the range, not 'not a JSON object'",
    arguments: ["-1", "1.5", "1e30", "18446744073709551615"])
  func badSeed(seed: String) {
    let text = #"{"recording":1,"name":"x","seed":"# + seed + #","preset":""}"#
    do {
      _ = try SessionRecording(parsing: text, file: "r")
      Issue.record("accepted seed \(seed)")
    } catch {
      #expect(error.description.hasPrefix("r:1: \"seed\" "), "\(error.description)")
      #expect(error.description.hasSuffix("is out of range: expected an integer in 0...9223372036854775807"))
    }
  }

  @Test("A bad setting in a recording names the line and the setting")
  func badSetting() {
    let text =
      #"{"recording":1,"name":"x","seed":3,"preset":""}"# + "\n" + #"{"step":1,"command":"set","value":"nokey"}"#
    do {
      _ = try SessionRecording(parsing: text, file: "r")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("r:2: --set nokey: expected section.key=value"))
    }
  }
}
