/// Strict UTF-8 validation that reports where the first bad byte is.
enum UTF8Validation {
  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (no overlong
  /// forms, no surrogates, nothing above U+10FFFF), or nil when all of `bytes` is valid.
  /// - Complexity: O(bytes.count).
  static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      var secondRange: ClosedRange<UInt8> = 0x80...0xBF
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        secondRange = 0xA0...0xBF
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        secondRange = 0x80...0x9F
      case 0xF0:
        length = 4
        secondRange = 0x90...0xBF
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        secondRange = 0x80...0x8F
      default: return index
      }
      for k in 1..<length {
        guard index + k < bytes.count else { return index }
        let byte = bytes[index + k]
        let allowed = k == 1 ? secondRange : 0x80...0xBF
        guard allowed.contains(byte) else { return index }
      }
      index += length
    }
    return nil
  }
}
