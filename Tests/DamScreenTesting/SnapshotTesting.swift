import DamScreen
import Foundation
import Synchronization
import Testing

/// Renders `widget` into a fresh buffer of the given size, filling the whole buffer.
public func rendered(_ widget: some Widget, width: Int, height: Int) -> ScreenBuffer {
  var buffer = ScreenBuffer(width: width, height: height)
  widget.render(in: buffer.area, buffer: &buffer)
  return buffer
}

/// Expects `buffer.lines` to equal `expected`; on a mismatch, reports the first differing cell and the
/// actual lines as a Swift literal.
///
/// With `DAM_RECORD_SNAPSHOTS=1` in the environment, a mismatching literal is rewritten in the test's
/// source file (the first array literal after the call) and the test still fails, so a recording run
/// never passes by accident. Call it as `expectSnapshot(buffer, [` with the lines below.
public func expectSnapshot(
  _ buffer: ScreenBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let actual = buffer.lines
  guard actual != expected else { return }
  var message = SnapshotDifference.describe(actual: actual, expected: expected)
  if ProcessInfo.processInfo.environment["DAM_RECORD_SNAPSHOTS"] == "1" {
    do {
      try SnapshotRecorder.record(actual, at: sourceLocation)
      message = "Re-recorded the snapshot; rerun without DAM_RECORD_SNAPSHOTS.\n" + message
    } catch {
      message = "Could not re-record the snapshot: \(error)\n" + message
    }
  }
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Text describing how two snapshots differ.
enum SnapshotDifference {
  static func describe(actual: [String], expected: [String]) -> String {
    var lines: [String] = []
    if actual.count != expected.count {
      lines.append("Expected \(expected.count) rows, got \(actual.count).")
    }
    for row in 0..<min(actual.count, expected.count) where actual[row] != expected[row] {
      let got = Array(actual[row])
      let want = Array(expected[row])
      let column =
        zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
      let gotCell = column < got.count ? "\"\(got[column])\"" : "end of line"
      let wantCell = column < want.count ? "\"\(want[column])\"" : "end of line"
      lines.append("First difference at row \(row), column \(column): expected \(wantCell), got \(gotCell).")
      break
    }
    lines.append("Actual:\n" + SnapshotRecorder.literal(actual, indentation: ""))
    return lines.joined(separator: "\n")
  }
}

/// Rewrites snapshot literals in test sources.
enum SnapshotRecorder {
  struct RecordingError: Error, CustomStringConvertible {
    let description: String
  }

  /// Lines added or removed so far by recordings, per file: (original line, change in line count).
  private static let shifts = Mutex<[String: [(line: Int, delta: Int)]]>([:])

  /// Replaces the first array literal after the call at `location` with `lines`.
  static func record(_ lines: [String], at location: SourceLocation) throws {
    try shifts.withLock { shifts in
      let path = location.filePath
      let fileShifts = shifts[path, default: []]
      let shift = fileShifts.filter { $0.line < location.line }.reduce(0) { $0 + $1.delta }
      let source = try String(contentsOfFile: path, encoding: .utf8)
      var sourceLines = source.components(separatedBy: "\n")
      let callLine = location.line - 1 + shift
      guard sourceLines.indices.contains(callLine) else { throw RecordingError(description: "line out of range") }
      let rest = sourceLines[callLine...].joined(separator: "\n")
      guard let range = arrayLiteralRange(in: rest) else { throw RecordingError(description: "no array literal") }
      let indentation = String(sourceLines[callLine].prefix { $0 == " " })
      let replacement = literal(lines, indentation: indentation)
      let oldLineCount = rest[range].components(separatedBy: "\n").count
      let newRest = rest.replacingCharacters(in: range, with: replacement)
      sourceLines.replaceSubrange(callLine..., with: newRest.components(separatedBy: "\n"))
      try sourceLines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
      let delta = replacement.components(separatedBy: "\n").count - oldLineCount
      shifts[path, default: []].append((location.line, delta))
    }
  }

  /// The lines as a Swift array literal, one element a line, closing bracket at `indentation`.
  static func literal(_ lines: [String], indentation: String) -> String {
    let elements = lines.map { line in
      let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      return "\(indentation)  \"\(escaped)\","
    }
    return (["["] + elements + ["\(indentation)]"]).joined(separator: "\n")
  }

  /// The range of the first `[ ... ]` literal opening with `[` then a newline, a quote or `]`.
  private static func arrayLiteralRange(in text: String) -> Range<String.Index>? {
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if text[index] == "[", next < text.endIndex, ["\n", "\"", "]"].contains(text[next]) {
        guard let end = closingBracket(in: text, from: next) else { return nil }
        return index..<text.index(after: end)
      }
      index = next
    }
    return nil
  }

  /// The index of the `]` closing a literal whose body starts at `start`, skipping string contents.
  private static func closingBracket(in text: String, from start: String.Index) -> String.Index? {
    var index = start
    var inString = false
    while index < text.endIndex {
      let character = text[index]
      if inString && character == "\\" {
        index = text.index(after: index)
      } else if character == "\"" {
        inString.toggle()
      } else if !inString && character == "]" {
        return index
      }
      if index < text.endIndex { index = text.index(after: index) }
    }
    return nil
  }
}

/// A buffer the size of `buffer` whose glyphs name each cell's foreground colour (its background colour
/// when `background`): `k r g y b m c w` for black to white, `.` for the terminal's default; a cell in
/// reverse video gets the capital letter. Snapshot it with `expectSnapshot` to compare colours.
public func colorLetters(of buffer: ScreenBuffer, background: Bool = false) -> ScreenBuffer {
  let letters: [TerminalColor: Character] = [
    .black: "k", .red: "r", .green: "g", .yellow: "y", .blue: "b", .magenta: "m", .cyan: "c", .white: "w",
  ]
  var result = ScreenBuffer(width: buffer.width, height: buffer.height)
  for y in 0..<buffer.height {
    for x in 0..<buffer.width {
      let style = buffer[x, y].style
      let letter = (background ? style.background : style.foreground).flatMap { letters[$0] } ?? "."
      result[x, y] = Cell(style.reverse ? Character(letter.uppercased()) : letter)
    }
  }
  return result
}
