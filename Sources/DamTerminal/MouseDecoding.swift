import CNCurses

extension MouseEvent {
  /// Decodes a curses mouse event: `buttons` is MEVENT's `bstate`, (`x`, `y`) its cell.
  ///
  /// Button 1 pressed or clicked is a click; buttons 4 and 5 are the wheel. Anything else (releases,
  /// other buttons) is nil.
  init?(buttons: mmask_t, x: Int, y: Int) {
    if buttons & (cn_button1_pressed | cn_button1_clicked) != 0 {
      self = .click(x: x, y: y)
    } else if buttons & cn_wheel_up != 0 {
      self = .wheelUp(x: x, y: y)
    } else if buttons & cn_wheel_down != 0 {
      self = .wheelDown(x: x, y: y)
    } else {
      return nil
    }
  }

  /// The mouse events curses should report: every button event, so that none is left for curses to
  /// skip with a blocking read (the ones without a meaning here decode to nil); no motion.
  static var reportedEvents: mmask_t { cn_all_button_events }
}
