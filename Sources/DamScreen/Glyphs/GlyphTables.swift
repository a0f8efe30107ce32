/// The literal character tables behind ``GlyphSet``.
enum GlyphTables {
  /// Braille bit for dot index `row * 2 + column` (Unicode dot numbering 1 4 / 2 5 / 3 6 / 7 8).
  static let brailleBits: [UInt32] = [0x01, 0x08, 0x02, 0x10, 0x04, 0x20, 0x40, 0x80]

  /// The braille character for every dot mask (bit `row * 2 + column`), built once from `brailleBits`.
  static let braille: [Character] = (0..<256).map { mask in
    var bits: UInt32 = 0
    for index in 0..<8 where mask & (1 << index) != 0 { bits |= brailleBits[index] }
    return Character(Unicode.Scalar(0x2800 + bits)!)
  }

  /// Quadrant blocks indexed by mask: top-left 1, top-right 2, bottom-left 4, bottom-right 8.
  static let quadrants: [Character] = [
    " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
  ]

  /// ASCII sub-rows indexed by mask: top 1, middle 2, bottom 4.
  static let asciiDots: [Character] = [" ", "'", "-", "|", ".", ":", "|", "|"]

  static let unicodeShades: [Character] = [" ", "·", "░", "▒", "▓", "█"]
  static let asciiShades: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

  static let unicodeBarEighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
  static let asciiBarEighths: [Character] = [" ", " ", " ", "-", "-", "-", "=", "#"]

  static let unicodeSparkLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let asciiSparkLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]
}
