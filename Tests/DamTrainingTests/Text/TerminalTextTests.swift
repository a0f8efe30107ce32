import Testing

@testable import DamTraining

@Suite("Terminal text")
struct TerminalTextTests {
  @Test("Control characters are written as visible escapes, so printing them does nothing to the terminal")
  func escapesControlCharacters() {
    #expect(
      TerminalText.escaped("evil\u{1B}[2J\u{1B}]0;PWNED\u{07}") == #"evil\u001B[2J\u001B]0;PWNED\u0007"#)
    #expect(TerminalText.escaped("a\tb\rc\nd\u{7F}\u{9B}") == #"a\tb\rc\nd\u007F\u009B"#)
  }

  @Test("Line feeds stay when asked; everything else is still escaped")
  func keepsNewlines() {
    #expect(TerminalText.escaped("one\u{1B}\ntwo", keepingNewlines: true) == "one\\u001B\ntwo")
  }

  @Test("Text without control characters, accents and emoji included, is unchanged")
  func plainTextUnchanged() {
    for text in ["", "A healthy baseline", "Noël → 🙂", "x0,x1,y"] { #expect(TerminalText.escaped(text) == text) }
  }
}
