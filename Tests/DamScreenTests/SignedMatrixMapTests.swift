import DamScreen
import DamScreenTesting
import Testing

@Suite("Signed matrix map")
struct SignedMatrixMapTests {
  /// Two identical rows, a row with a blank middle column, a NaN; scale 1, blank below 1e-3.
  static let values: [Float] = [
    1, -0.5, 0.2, 0,
    1, -0.5, 0.2, 0,
    0.9, 0.0005, -1, 2,
    .nan, 0, 0, 0.001,
  ]

  @Test("Shades grow with |v| up to the scale, colour tells the sign, near zeros are blank, cut at the edges")
  func asciiMap() {
    let map = SignedMatrixMap(rows: 4, columns: 4, values: Self.values, scale: 1, blankBelow: 1e-3, glyphs: .ascii)
    let buffer = rendered(map, width: 6, height: 4)
    expectSnapshot(
      buffer,
      [
        "@+-   ",
        "@+-   ",
        "% @@  ",
        "?  .  ",
      ])
    #expect(buffer[0, 0].style.foreground == .blue && buffer[1, 0].style.foreground == .red)
    #expect(buffer[1, 2].style.foreground == nil, "a weight below the blank threshold has no colour")
    let cut = rendered(map, width: 2, height: 2)
    expectSnapshot(cut, ["@+", "@+"])
  }

  @Test("An all-zero matrix (zero initialization) is blank")
  func allZero() {
    let map = SignedMatrixMap(
      rows: 2, columns: 3, values: [Float](repeating: 0, count: 6), scale: 0, blankBelow: 1e-3, glyphs: .braille)
    expectSnapshot(rendered(map, width: 3, height: 2), ["   ", "   "])
  }
}
