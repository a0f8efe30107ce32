import DamScreen
import Testing

@testable import DamTerminal

@Suite("Allocating colour pairs")
struct ColorPairsTests {
  @Test("Default colours on default colours is pair 0, never allocated")
  func defaultPair() {
    var pairs = ColorPairs(capacity: 64, defaultColors: true)
    let result = pairs.pair(foreground: nil, background: nil)
    #expect(result.number == 0)
    #expect(result.new == nil)
  }

  @Test("A new combination gets the next pair, defined once, with -1 for a default colour")
  func allocation() {
    var pairs = ColorPairs(capacity: 64, defaultColors: true)
    let red = pairs.pair(foreground: .red, background: nil)
    #expect(red.number == 1)
    #expect(red.new == ColorPairs.Definition(number: 1, foreground: 1, background: -1))
    let selected = pairs.pair(foreground: .white, background: .blue)
    #expect(selected.number == 2)
    #expect(selected.new == ColorPairs.Definition(number: 2, foreground: 7, background: 4))
    let redAgain = pairs.pair(foreground: .red, background: nil)
    #expect(redAgain.number == 1)
    #expect(redAgain.new == nil)
  }

  @Test("Without default-colour support a missing colour is white on black")
  func noDefaultColors() {
    var pairs = ColorPairs(capacity: 64, defaultColors: false)
    #expect(
      pairs.pair(foreground: nil, background: nil).new == ColorPairs.Definition(number: 1, foreground: 7, background: 0)
    )
    #expect(
      pairs.pair(foreground: .green, background: nil).new
        == ColorPairs.Definition(number: 2, foreground: 2, background: 0))
    #expect(pairs.pair(foreground: .white, background: .black).number == 1)
  }

  @Test("When every pair is taken, new combinations fall back to pair 0")
  func exhaustion() {
    var pairs = ColorPairs(capacity: 3, defaultColors: true)
    #expect(pairs.pair(foreground: .red, background: nil).number == 1)
    #expect(pairs.pair(foreground: .green, background: nil).number == 2)
    let overflow = pairs.pair(foreground: .blue, background: nil)
    #expect(overflow.number == 0)
    #expect(overflow.new == nil)
    #expect(pairs.pair(foreground: .green, background: nil).number == 2)
  }
}
