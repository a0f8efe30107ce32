import Testing

@testable import DamScreen

@Suite("Confusion matrix shades")
struct ConfusionShadeTests {
  @Test("Confusion shades grow with the row's share and never hide a miscount")
  func confusionShades() {
    let matrix = ConfusionMatrix(counts: [[1]], glyphs: .braille)
    #expect(matrix.shade(count: 0, of: 10) == "·")
    #expect(matrix.shade(count: 1, of: 100) == "░")
    #expect(matrix.shade(count: 100, of: 100) == "█")
    #expect(ConfusionMatrix(counts: [[1]]).shade(count: 1, of: 100) == ":")
  }
}
