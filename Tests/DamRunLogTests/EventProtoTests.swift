import Foundation
import SwiftProtobuf
import Testing

@testable import DamRunLog

@Suite("TensorBoard event messages")
struct EventProtoTests {
  @Test("A scalar event has TensorBoard's field numbers on the wire")
  func scalarWireFormat() throws {
    var event = Tensorboard_Event()
    event.wallTime = 1.5
    event.step = 7
    var values = SummaryValues()
    values.addScalar(2, tag: "a")
    event.summary.value = values.values
    // wall_time (1, fixed64) 1.5; step (2, varint) 7; summary (5, bytes 10) { value (1, bytes 8)
    // { tag (1, bytes 1) "a"; simple_value (2, fixed32) 2.0 } }.
    let expected: [UInt8] = [
      0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF8, 0x3F, 0x10, 0x07, 0x2A, 0x0A, 0x0A, 0x08, 0x0A, 0x01, 0x61,
      0x15, 0x00, 0x00, 0x00, 0x40,
    ]
    #expect(try event.serializedBytes() == expected)
  }

  @Test("An event with a scalar, a histogram and a text reads back equal")
  func roundTrip() throws {
    var values = SummaryValues()
    values.addScalar(0.25, tag: "loss/train")
    values.addHistogram(Histogram([-1, 0, 0.5, 2], bucketCount: 3), tag: "weights/L1")
    values.addText("set training.learning_rate=0.1", tag: "changes")
    var event = Tensorboard_Event()
    event.wallTime = 1_700_000_000.25
    event.step = 1200
    event.summary.value = values.values
    let decoded = try Tensorboard_Event(serializedBytes: try event.serializedBytes() as [UInt8])
    #expect(decoded == event)
    let text = decoded.summary.value[2]
    #expect(text.metadata.pluginData.pluginName == "text")
    #expect(text.tensor.dtype == .dtString)
    #expect(text.tensor.stringVal == [Data("set training.learning_rate=0.1".utf8)])
    #expect(decoded.summary.value[1].histo.bucket == [1, 2, 1])
  }

  @Test("The first event of a file names the format, brain.Event:2")
  func fileVersion() throws {
    let folder = try TemporaryFolder()
    let writer = try TensorBoardEventWriter(directory: folder.path, clock: { 1_700_000_000.5 })
    #expect(writer.path.hasPrefix(folder.path + "/events.out.tfevents.1700000000."))
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: writer.path)))
    let length = Int(bytes[0])
    let event = try Tensorboard_Event(serializedBytes: Array(bytes[12..<12 + length]))
    #expect(event.fileVersion == "brain.Event:2")
    #expect(event.wallTime == 1_700_000_000.5)
    #expect(bytes.count == 16 + length)
  }
}
