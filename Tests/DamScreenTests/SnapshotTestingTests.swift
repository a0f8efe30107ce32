import Foundation
import Testing

@testable import DamScreenTesting

@Suite("Snapshot helper")
struct SnapshotTestingTests {
  @Test("A mismatch names the first differing cell")
  func firstDifference() {
    let message = SnapshotDifference.describe(actual: ["abc", "dxf"], expected: ["abc", "def"])
    #expect(message.contains("First difference at row 1, column 1: expected \"e\", got \"x\"."))
  }

  @Test("A missing row is reported as a row-count difference")
  func rowCount() {
    let message = SnapshotDifference.describe(actual: ["abc"], expected: ["abc", "def"])
    #expect(message.contains("Expected 2 rows, got 1."))
  }

  @Test("Recording replaces the array literal after the call, escaping quotes and backslashes")
  func recording() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString).swift")
    defer { try? FileManager.default.removeItem(at: url) }
    let source = """
      func test() {
        expectSnapshot(buffer, [
          "old",
        ])
        expectSnapshot(other, [])
      }
      """
    try source.write(to: url, atomically: true, encoding: .utf8)
    let path = url.path
    try SnapshotRecorder.record(
      ["a\"b", "c\\d"], at: SourceLocation(fileID: "DamUITests/x.swift", filePath: path, line: 2, column: 3))
    try SnapshotRecorder.record(
      ["new"], at: SourceLocation(fileID: "DamUITests/x.swift", filePath: path, line: 5, column: 3))
    let expected = """
      func test() {
        expectSnapshot(buffer, [
          "a\\"b",
          "c\\\\d",
        ])
        expectSnapshot(other, [
          "new",
        ])
      }
      """
    #expect(try String(contentsOf: url, encoding: .utf8) == expected)
  }
}
