import DamScreen
import Testing

@Suite("Glyph sets")
struct GlyphSetTests {
  @Test("The set follows the terminal: ASCII without UTF-8, blocks when braille is missing")
  func choice() {
    #expect(GlyphSet(utf8: false) == .ascii)
    #expect(GlyphSet(utf8: false, braille: true) == .ascii)
    #expect(GlyphSet(utf8: true) == .braille)
    #expect(GlyphSet(utf8: true, braille: false) == .block)
  }

  @Test("ASCII glyphs never leave ASCII")
  func asciiIsAscii() {
    let set = GlyphSet.ascii
    let box = set.box
    let characters =
      set.shadeRamp + set.barEighths + set.sparkLevels + [set.dot]
      + [box.horizontal, box.vertical, box.topLeft, box.topRight, box.bottomLeft, box.bottomRight]
      + (0..<8).map { set.glyph(forDots: UInt8($0)) }
    let nonAscii = characters.filter { !$0.isASCII }
    #expect(nonAscii.isEmpty)
  }

  @Test("Braille dots follow the Unicode dot numbering")
  func brailleDots() {
    #expect(GlyphSet.braille.glyph(forDots: 0) == "\u{2800}")
    #expect(GlyphSet.braille.glyph(forDots: 0b0000_0001) == "⠁")  // top-left: dot 1
    #expect(GlyphSet.braille.glyph(forDots: 0b0000_0010) == "⠈")  // top-right: dot 4
    #expect(GlyphSet.braille.glyph(forDots: 0b0100_0000) == "⡀")  // bottom-left: dot 7
    #expect(GlyphSet.braille.glyph(forDots: 0b1000_0000) == "⢀")  // bottom-right: dot 8
    #expect(GlyphSet.braille.glyph(forDots: 0xFF) == "⣿")
  }

  @Test("A diagonal line lights one dot per column, clipped at the edges")
  func dotGridLine() {
    var grid = DotGrid(glyphs: .braille, columns: 2, rows: 1)
    grid.line(x0: -2, y0: -2, x1: 3, y1: 3)
    #expect(grid.mask(column: 0, row: 0) == 0b0000_1001)  // dots (0,0) and (1,1): bits 0 and 1*2+1
    #expect(GlyphSet.braille.glyph(forDots: grid.mask(column: 0, row: 0)) == "⠑")  // braille dots 1 and 5
    #expect(grid.mask(column: 1, row: 0) == 0b1001_0000)  // dots (2,2) and (3,3): bits 2*2+0 and 3*2+1
    var far = DotGrid(glyphs: .ascii, columns: 3, rows: 1)
    far.line(x0: 0, y0: 1, x1: 1e300, y1: 1)
    let masks = (0..<3).map { far.mask(column: $0, row: 0) }
    #expect(masks == [2, 2, 2])
  }
}
