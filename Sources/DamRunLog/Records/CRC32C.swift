/// CRC-32C (Castagnoli): the reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF,
/// as in iSCSI (RFC 3720) and TFRecord files. CRC-32C("123456789") = 0xE3069283.
public enum CRC32C {
  /// The checksum of `bytes`.
  /// - Complexity: O(n), one table look-up per byte.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// The checksum as TFRecord stores it: rotated right by 15 bits plus 0xA282EAD8 (wrapping), so a CRC
  /// of data that holds CRCs is not degenerate.
  public static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }

  /// The remainder of each byte value, one bit at a time.
  private static let table: [UInt32] = (0..<256).map { value in
    var crc = UInt32(value)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    return crc
  }
}
