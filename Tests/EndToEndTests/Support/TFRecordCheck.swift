import Foundation

/// Reads a TFRecord file independently of the writer: each record's length and data checked against
/// their masked CRC-32C (Castagnoli, reflected polynomial 0x82F63B78, mask ((crc >> 15 | crc << 17) +
/// 0xa282ead8) as TensorFlow defines it).
enum TFRecordCheck {
  struct Corrupt: Error, CustomStringConvertible {
    let description: String
  }

  /// The number of complete records; a partial record at the end (a write cut short) is not counted.
  /// - Throws: `Corrupt` when a complete record's checksum is wrong.
  static func validRecords(in path: String) throws -> Int {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var offset = 0
    var count = 0
    while offset + 12 <= bytes.count {
      let header = Array(bytes[offset..<offset + 8])
      let length = Int(header.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
      guard littleEndian(bytes, offset + 8) == masked(crc(header)) else {
        throw Corrupt(description: "record \(count): bad length CRC")
      }
      guard offset + 12 + length + 4 <= bytes.count else { break }
      let data = Array(bytes[offset + 12..<offset + 12 + length])
      guard littleEndian(bytes, offset + 12 + length) == masked(crc(data)) else {
        throw Corrupt(description: "record \(count): bad data CRC")
      }
      offset += 16 + length
      count += 1
    }
    return count
  }

  private static func littleEndian(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
  }

  private static func crc(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return ~crc
  }

  private static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
