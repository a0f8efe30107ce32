import Testing

@testable import DamTerminal

/// MEVENT.bstate bits of ncurses 6 (NCURSES_MOUSE_VERSION 2: five bits per button), from <curses.h>.
private enum ButtonBits {
  static let button1Released: UInt32 = 0o1
  static let button1Pressed: UInt32 = 0o2
  static let button1Clicked: UInt32 = 0o4
  static let button3Pressed: UInt32 = 0o2 << 10
  static let button4Pressed: UInt32 = 0o2 << 15
  static let button5Pressed: UInt32 = 0o2 << 20
}

@Suite("Decoding curses mouse events")
struct MouseDecodingTests {
  @Test("A press or click of the first button is a click at its cell")
  func click() {
    #expect(MouseEvent(buttons: ButtonBits.button1Pressed, x: 7, y: 3) == .click(x: 7, y: 3))
    #expect(MouseEvent(buttons: ButtonBits.button1Clicked, x: 0, y: 0) == .click(x: 0, y: 0))
  }

  @Test("Buttons 4 and 5 are the wheel turning up and down")
  func wheel() {
    #expect(MouseEvent(buttons: ButtonBits.button4Pressed, x: 4, y: 9) == .wheelUp(x: 4, y: 9))
    #expect(MouseEvent(buttons: ButtonBits.button5Pressed, x: 4, y: 9) == .wheelDown(x: 4, y: 9))
  }

  @Test("Releases and other buttons mean nothing")
  func ignored() {
    #expect(MouseEvent(buttons: ButtonBits.button1Released, x: 1, y: 1) == nil)
    #expect(MouseEvent(buttons: ButtonBits.button3Pressed, x: 1, y: 1) == nil)
    #expect(MouseEvent(buttons: 0, x: 1, y: 1) == nil)
  }

  @Test("Curses is asked for every button event, releases included, so none makes it block")
  func reportedEvents() {
    let mask = MouseEvent.reportedEvents
    for bit in [
      ButtonBits.button1Pressed, ButtonBits.button1Released, ButtonBits.button3Pressed,
      ButtonBits.button4Pressed, ButtonBits.button5Pressed,
    ] {
      #expect(mask & bit == bit)
    }
  }
}
