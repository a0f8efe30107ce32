import Testing

@testable import DamTerminal

@Suite("Encoding glyphs for curses")
struct GlyphEncodingTests {
  @Test("ASCII is written as itself in either locale")
  func ascii() {
    #expect(GlyphEncoding.wideCharacters(of: "a", unicode: true) == [0x61, 0])
    #expect(GlyphEncoding.wideCharacters(of: "a", unicode: false) == [0x61, 0])
  }

  @Test("Braille and box drawing pass through in a UTF-8 locale")
  func unicode() {
    #expect(GlyphEncoding.wideCharacters(of: "\u{28FF}", unicode: true) == [0x28FF, 0])
    #expect(GlyphEncoding.wideCharacters(of: "\u{2500}", unicode: true) == [0x2500, 0])
  }

  @Test("Without UTF-8 anything beyond ASCII becomes a question mark")
  func asciiFallback() {
    #expect(GlyphEncoding.wideCharacters(of: "\u{28FF}", unicode: false) == [0x3F, 0])
    #expect(GlyphEncoding.wideCharacters(of: "é", unicode: false) == [0x3F, 0])
  }

  @Test("A combining mark stays in the same cell")
  func combining() {
    #expect(GlyphEncoding.wideCharacters(of: "e\u{0301}", unicode: true) == [0x65, 0x301, 0])
  }

  @Test("Control characters are written as spaces", arguments: ["\u{07}", "\u{1B}", "\u{7F}", "\u{85}", "\t"])
  func control(text: String) {
    #expect(GlyphEncoding.wideCharacters(of: Character(text), unicode: true) == [0x20, 0])
  }
}
