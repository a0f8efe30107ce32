import Foundation

/// What `--record FILE` writes and `dam-tui replay FILE` reads: everything needed to reproduce a run bit for
/// bit, as JSON lines.
///
/// The first line is the header, then one line per applied command, in the order applied:
/// ```
/// {"recording":1,"name":"default","seed":7,"preset":"title = \"...\"\n[data]\n..."}
/// {"step":0,"command":"set","value":"training.learning_rate=0.1"}
/// {"step":1200,"command":"step","count":5}
/// {"step":2000,"command":"stop"}
/// ```
/// `preset` is the effective preset as TOML (after `--set`), `seed` the seed in force. Command names:
/// `set` (with `value`, a `section.key=value` setting), `pause`, `resume`, `step` (with `count`),
/// `reinitialize`, `reset_to_preset`, `rewind`, `stop`.
public struct SessionRecording: Sendable, Equatable {
  /// The version of this format.
  public static let format = 1

  /// The preset's name.
  public var presetName: String
  /// The effective preset as TOML text.
  public var presetText: String
  /// The seed in force.
  public var seed: UInt64
  /// Every applied command, in order.
  public var commands: [RecordedCommand]
  /// For a parsed recording, the 1-based line of each command in the file (for errors); empty otherwise.
  /// Not part of the recording: two recordings with the same content are equal wherever their lines are.
  public private(set) var commandLines: [Int] = []

  /// Creates a recording.
  public init(presetName: String, presetText: String, seed: UInt64, commands: [RecordedCommand] = []) {
    self.presetName = presetName
    self.presetText = presetText
    self.seed = seed
    self.commands = commands
  }

  /// The header line (no newline).
  public var headerLine: String {
    var writer = JSONObjectWriter()
    writer.field("recording", Self.format)
    writer.field("name", presetName)
    writer.field("seed", seed)
    writer.field("preset", presetText)
    return writer.finish()
  }

  /// The line for one applied command (no newline).
  public static func line(_ entry: RecordedCommand) -> String {
    var writer = JSONObjectWriter()
    writer.field("step", entry.step)
    switch entry.command {
    case .set(let override):
      writer.field("command", "set")
      writer.field("value", override.argument)
    case .pause: writer.field("command", "pause")
    case .resume: writer.field("command", "resume")
    case .step(let count):
      writer.field("command", "step")
      writer.field("count", count)
    case .reinitialize: writer.field("command", "reinitialize")
    case .resetToPreset: writer.field("command", "reset_to_preset")
    case .rewind: writer.field("command", "rewind")
    case .stop: writer.field("command", "stop")
    }
    return writer.finish()
  }

  /// The whole recording as text: the header and every command, one per line.
  public var text: String {
    ([headerLine] + commands.map(Self.line)).map { $0 + "\n" }.joined()
  }

  /// Reads a recording.
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: how to name the file in errors.
  /// - Throws: `RecordingError` naming the file and line of the first problem.
  public init(parsing text: String, file: String) throws(RecordingError) {
    // Lines end in LF or CRLF (one Character in Swift); blank lines are skipped.
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.enumerated().filter {
      !$0.element.allSatisfy(\.isWhitespace)
    }.makeIterator()
    guard let (headerIndex, headerText) = lines.next() else {
      throw RecordingError(file: file, line: 1, message: "the file is empty: expected a recording header")
    }
    let header: Header = try Self.decode(headerText, file: file, line: headerIndex + 1)
    guard header.recording == Self.format else {
      throw RecordingError(
        file: file, line: headerIndex + 1,
        message: "recording format \(header.recording) is not supported (this dam-tui reads format \(Self.format))")
    }
    guard let seed = header.seed.value, seed <= UInt64(Int.max) else {
      throw RecordingError(
        file: file, line: headerIndex + 1,
        message: "\"seed\" \(header.seed.text) is out of range: expected an integer in 0...\(Int.max)")
    }
    presetName = header.name
    presetText = header.preset
    self.seed = seed
    commands = []
    while let (index, lineText) = lines.next() {
      commands.append(try Self.parseCommand(lineText, file: file, line: index + 1))
      commandLines.append(index + 1)
    }
  }

  /// Whether two recordings hold the same preset, seed and commands (`commandLines` aside).
  public static func == (a: SessionRecording, b: SessionRecording) -> Bool {
    (a.presetName, a.presetText, a.seed, a.commands) == (b.presetName, b.presetText, b.seed, b.commands)
  }

  private struct Header: Decodable {
    var recording: Int
    var name: String
    var seed: RecordedSeed
    var preset: String
  }

  /// The header's seed as any JSON number, so one that no seed can be (negative, fractional, beyond 64
  /// bits) is reported as out of range rather than as a broken line.
  private struct RecordedSeed: Decodable {
    /// The seed, nil when the number is not a 64-bit unsigned integer.
    var value: UInt64?
    /// The number as read, for the message.
    var text: String

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let value = try? container.decode(UInt64.self) {
        self.value = value
        text = String(value)
      } else {
        let number = try container.decode(Double.self)
        value = nil
        text = number == number.rounded() && abs(number) < 1e18 ? String(Int64(number)) : String(number)
      }
    }
  }

  private struct CommandLine: Decodable {
    var step: Int
    var command: String
    var value: String?
    var count: Int?
  }

  private static func parseCommand(_ text: Substring, file: String, line: Int) throws(RecordingError) -> RecordedCommand
  {
    let raw: CommandLine = try decode(text, file: file, line: line)
    guard raw.step >= 0 else { throw RecordingError(file: file, line: line, message: "step \(raw.step) is negative") }
    let command: Command
    switch raw.command {
    case "set":
      guard let value = raw.value else {
        throw RecordingError(file: file, line: line, message: "a set command needs a \"value\"")
      }
      do {
        command = .set(try PresetOverride(parsing: value))
      } catch {
        throw RecordingError(file: file, line: line, message: error.description)
      }
    case "pause": command = .pause
    case "resume": command = .resume
    case "step":
      guard let count = raw.count, count >= 1 else {
        throw RecordingError(file: file, line: line, message: "a step command needs a \"count\" of at least 1")
      }
      command = .step(count: count)
    case "reinitialize": command = .reinitialize
    case "reset_to_preset": command = .resetToPreset
    case "rewind": command = .rewind
    case "stop": command = .stop
    default:
      throw RecordingError(
        file: file, line: line,
        message: "unknown command \"\(raw.command)\" (expected set, pause, resume, step, reinitialize, "
          + "reset_to_preset, rewind or stop)")
    }
    return RecordedCommand(step: raw.step, command: command)
  }

  private static func decode<Value: Decodable>(_ text: Substring, file: String, line: Int) throws(RecordingError)
    -> Value
  {
    do {
      return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    } catch DecodingError.keyNotFound(let key, _) {
      throw RecordingError(file: file, line: line, message: "missing \"\(key.stringValue)\"")
    } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
      let key = context.codingPath.last?.stringValue ?? "?"
      throw RecordingError(file: file, line: line, message: "\"\(key)\" has the wrong type")
    } catch {
      throw RecordingError(file: file, line: line, message: "not a JSON object")
    }
  }
}

/// Why a recording could not be read: where and what.
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as given.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: message`.
  public var description: String { "\(file):\(line): \(message)" }
}
