import Testing

@testable import DamRunLog

@Suite("CRC-32C")
struct CRC32CTests {
  @Test("Known answers: the check value and RFC 3720's iSCSI vectors")
  func knownAnswers() {
    #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
    #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
    #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
    #expect(CRC32C.checksum(Array("abc".utf8)) == 0x364B_3FB7)
    #expect(CRC32C.checksum([]) == 0)
  }

  @Test("The mask rotates right by 15 bits and adds 0xA282EAD8, wrapping")
  func mask() {
    #expect(CRC32C.masked(0) == 0xA282_EAD8)
    // 0x364B3FB7 rotated right by 15 is 0x7F6E6C96; plus 0xA282EAD8 wraps to 0x21F1576E.
    #expect(CRC32C.masked(0x364B_3FB7) == 0x21F1_576E)
    #expect(CRC32C.masked(0xFFFF_FFFF) == 0xA282_EAD7)
  }
}
