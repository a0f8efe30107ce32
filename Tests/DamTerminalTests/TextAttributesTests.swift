import DamScreen
import Testing

@testable import DamTerminal

@Suite("Mapping styles to video attributes")
struct TextAttributesTests {
  @Test("Plain text has no attributes, whatever its colours")
  func plain() {
    #expect(TextAttributes(Style.plain).isEmpty)
    #expect(TextAttributes(Style(foreground: .red, background: .blue)).isEmpty)
  }

  @Test("Each style flag turns on its own attribute")
  func eachFlag() {
    #expect(TextAttributes(Style(bold: true)) == .bold)
    #expect(TextAttributes(Style(reverse: true)) == .reverse)
    #expect(TextAttributes(Style(dim: true)) == .dim)
    #expect(TextAttributes(Style(underline: true)) == .underline)
  }

  @Test("Flags combine")
  func combined() {
    #expect(TextAttributes(Style(bold: true, reverse: true, underline: true)) == [.bold, .reverse, .underline])
  }
}
