import Foundation
import Testing

@testable import DamRunLog

@Suite("TFRecord framing")
struct TFRecordWriterTests {
  @Test("A record is its length, the masked CRC of the length, the data and the masked CRC of the data")
  func frameByHand() {
    // Length 3 as UInt64 LE; CRC-32C of those 8 bytes 0x576C35E3, masked 0x0E4999B0; "abc";
    // CRC-32C("abc") 0x364B3FB7, masked 0x21F1576E (both little-endian).
    #expect(
      TFRecordWriter.frame(Array("abc".utf8)) == [
        0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xB0, 0x99, 0x49, 0x0E, 0x61, 0x62, 0x63, 0x6E, 0x57, 0xF1,
        0x21,
      ])
    // Empty data: CRC-32C of eight zero bytes 0x8C28B28A, masked 0x07980329; CRC-32C of nothing 0,
    // masked 0xA282EAD8.
    #expect(
      TFRecordWriter.frame([]) == [
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x29, 0x03, 0x98, 0x07, 0xD8, 0xEA, 0x82, 0xA2,
      ])
  }

  @Test("Appended records follow each other in the file, each complete")
  func appends() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("records")
    let writer = try TFRecordWriter(creating: path)
    try writer.append(Array("abc".utf8))
    try writer.append([])
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes == TFRecordWriter.frame(Array("abc".utf8)) + TFRecordWriter.frame([]))
  }

  @Test("A file that exists already or a missing folder is an error naming the path")
  func cannotCreate() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("records")
    _ = try TFRecordWriter(creating: path)
    #expect(throws: RunLogError(path: path, reason: "File exists")) { try TFRecordWriter(creating: path) }
    let missing = folder.file("missing/records")
    #expect(throws: RunLogError(path: missing, reason: "No such file or directory")) {
      try TFRecordWriter(creating: missing)
    }
  }

  @Test("A full disk makes each append throw, and the writer stays usable")
  func fullDisk() throws {
    let descriptor = open("/dev/full", O_WRONLY | O_APPEND | O_CLOEXEC)
    try #require(descriptor >= 0)
    let writer = TFRecordWriter(path: "/dev/full", descriptor: descriptor)
    for _ in 0..<2 {
      #expect(throws: RunLogError(path: "/dev/full", reason: "No space left on device")) {
        try writer.append(Array("abc".utf8))
      }
    }
  }
}
