import Testing

@testable import DamTerminal

private typealias Code = CursesKeyCodes

@Suite("Decoding curses input into keys")
struct KeyDecodingTests {
  @Test(
    "Every curses function key the UI uses maps to its key",
    arguments: [
      (Code.up, Key.up), (Code.down, .down), (Code.left, .left), (Code.right, .right),
      (Code.scrollReverse, .shiftUp), (Code.scrollForward, .shiftDown),
      (Code.shiftLeft, .shiftLeft), (Code.shiftRight, .shiftRight),
      (Code.previousPage, .pageUp), (Code.nextPage, .pageDown), (Code.home, .home), (Code.end, .end),
      (Code.insert, .insert), (Code.delete, .delete), (Code.enter, .enter), (Code.backspace, .backspace),
      (Code.backTab, .backTab),
    ])
  func functionKey(code: UInt32, key: Key) {
    #expect(CursesInput(status: Code.keyCodeYes, code: code) == .key(key))
  }

  @Test("F1 to F12 are numbered function keys")
  func numberedFunctionKeys() {
    for number in 1...12 {
      #expect(CursesInput(status: Code.keyCodeYes, code: Code.f0 + UInt32(number)) == .key(.function(number)))
    }
  }

  @Test(
    "Control characters typed as characters map to named keys",
    arguments: [
      (UInt32(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace),
    ])
  func controlCharacter(code: UInt32, key: Key) {
    #expect(CursesInput(status: Code.ok, code: code) == .key(key))
  }

  @Test(
    "Printable characters, including non-ASCII ones, stay characters",
    arguments: ["a", "Q", "+", "-", " ", "?", "é", "ß"])
  func printableCharacter(text: String) {
    let character = Character(text)
    let code = character.unicodeScalars.first!.value
    #expect(CursesInput(status: Code.ok, code: code) == .key(.character(character)))
  }

  @Test("KEY_RESIZE asks for the new size and KEY_MOUSE for the mouse event")
  func resizeAndMouse() {
    #expect(CursesInput(status: Code.keyCodeYes, code: Code.resize) == .resize)
    #expect(CursesInput(status: Code.keyCodeYes, code: Code.mouse) == .mouse)
  }

  @Test("ERR is a timeout, whatever code comes with it")
  func timeout() {
    #expect(CursesInput(status: Code.err, code: 0) == .timeout)
    #expect(CursesInput(status: Code.err, code: Code.up) == .timeout)
  }

  @Test("Function keys without a meaning and invalid characters are ignored")
  func ignored() {
    #expect(CursesInput(status: Code.keyCodeYes, code: Code.help) == .ignored)
    #expect(CursesInput(status: Code.ok, code: 0xD800) == .ignored)
  }
}
