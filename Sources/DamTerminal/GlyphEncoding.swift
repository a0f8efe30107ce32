/// Turns a cell's glyph into the wide characters curses writes.
enum GlyphEncoding {
  /// At most this many characters go into one curses cell: one spacing character and up to four
  /// combining marks (ncurses' CCHARW_MAX is 5).
  static let maximumScalars = 5

  /// The Unicode scalars of `glyph` as `wchar_t` values, zero-terminated, ready for `setcchar`.
  ///
  /// Without `unicode` (a non-UTF-8 locale) any glyph that is not printable ASCII becomes `?`, so
  /// the screen never fills with mojibake. A control character becomes a space in either case.
  static func wideCharacters(of glyph: Character, unicode: Bool) -> [Int32] {
    let scalars = glyph.unicodeScalars
    guard let first = scalars.first, !isControl(first) else { return [0x20, 0] }
    if !unicode {
      return [glyph.isASCII ? Int32(first.value) : Int32(UInt8(ascii: "?")), 0]
    }
    return scalars.prefix(maximumScalars).map { Int32(bitPattern: $0.value) } + [0]
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
