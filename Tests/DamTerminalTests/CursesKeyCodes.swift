/// ncurses' input codes, copied from <ncursesw/curses.h> (ncurses 6), so the decoding tests check the real
/// values independently of the module under test.
enum CursesKeyCodes {
  static let ok: Int32 = 0
  static let err: Int32 = -1
  static let keyCodeYes: Int32 = 0o400

  static let down: UInt32 = 0o402
  static let up: UInt32 = 0o403
  static let left: UInt32 = 0o404
  static let right: UInt32 = 0o405
  static let home: UInt32 = 0o406
  static let backspace: UInt32 = 0o407
  static let f0: UInt32 = 0o410
  static let delete: UInt32 = 0o512
  static let insert: UInt32 = 0o513
  static let scrollForward: UInt32 = 0o520
  static let scrollReverse: UInt32 = 0o521
  static let nextPage: UInt32 = 0o522
  static let previousPage: UInt32 = 0o523
  static let enter: UInt32 = 0o527
  static let backTab: UInt32 = 0o541
  static let end: UInt32 = 0o550
  static let help: UInt32 = 0o553
  static let shiftLeft: UInt32 = 0o611
  static let shiftRight: UInt32 = 0o622
  static let mouse: UInt32 = 0o631
  static let resize: UInt32 = 0o632
}
