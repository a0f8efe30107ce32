import Testing

@testable import DamTerminal

@Suite("Deciding what the terminal can show")
struct TerminalCapabilitiesTests {
  @Test("A UTF-8 codeset, however it is spelled, enables Unicode", arguments: ["UTF-8", "utf-8", "utf8", "UTF8"])
  func unicodeCodeset(codeset: String) {
    #expect(TerminalCapabilities.decide(codeset: codeset, noColor: nil, terminalHasColors: true).unicode)
  }

  @Test(
    "Any other codeset means ASCII only",
    arguments: ["ANSI_X3.4-1968", "ISO-8859-1", "ISO-8859-15", "", "UTF-16"])
  func asciiCodeset(codeset: String) {
    #expect(!TerminalCapabilities.decide(codeset: codeset, noColor: nil, terminalHasColors: true).unicode)
  }

  @Test("NO_COLOR set to any non-empty value turns colour off", arguments: ["1", "0", "true", "no"])
  func noColorSet(value: String) {
    #expect(!TerminalCapabilities.decide(codeset: "UTF-8", noColor: value, terminalHasColors: true).colors)
  }

  @Test("NO_COLOR unset or empty keeps the terminal's colours")
  func noColorUnset() {
    #expect(TerminalCapabilities.decide(codeset: "UTF-8", noColor: nil, terminalHasColors: true).colors)
    #expect(TerminalCapabilities.decide(codeset: "UTF-8", noColor: "", terminalHasColors: true).colors)
  }

  @Test("A terminal without colours never gets them")
  func monochromeTerminal() {
    #expect(!TerminalCapabilities.decide(codeset: "UTF-8", noColor: nil, terminalHasColors: false).colors)
  }
}
