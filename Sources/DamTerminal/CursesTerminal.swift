import CNCurses
import DamScreen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, through ncursesw.
///
/// `start()` sets the locale, checks that standard input and output are terminals, and opens the
/// terminal with `newterm` (so an unknown `TERM` is an error, not an exit). Keys arrive one at a time
/// without echo (`cbreak`), so Ctrl-C and Ctrl-Z still raise SIGINT and SIGTSTP; their handlers only
/// record the signal, and `readEvent` turns it into an event on the loop's thread:
///
/// - SIGINT, SIGTERM, SIGHUP: `.quit` with the reason.
/// - SIGTSTP (Ctrl-Z): the terminal is restored and the process stops; after `fg` the screen is
///   repainted and `.resize` reports the size.
/// - SIGCONT after any other stop: the screen is repainted, and `.resize` reports the size.
/// - SIGWINCH: ncurses' own handler resizes its screens and reports KEY_RESIZE, which becomes `.resize`.
/// - SIGPIPE is ignored. SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL and SIGQUIT restore the terminal and
///   then take their previous course (a crash report, a core dump).
///
/// The terminal is also restored at exit, whatever the path. All calls must come from one thread.
public final class CursesTerminal: Terminal {
  /// How long curses waits after Escape for the rest of a key sequence, in milliseconds.
  static let escapeDelayMilliseconds: Int32 = 25

  /// What the terminal can show: Unicode from the locale, colours unless `NO_COLOR`; valid after `start()`.
  public private(set) var capabilities = TerminalCapabilities(unicode: false, colors: false)
  /// The size in cells; updated on every `.resize` event.
  public private(set) var size = TerminalSize(width: 0, height: 0)

  private var screen: OpaquePointer?
  private var colorPairs = ColorPairs(capacity: 0, defaultColors: false)
  private var presented: ScreenBuffer?
  private var styleCache: [Style: (attributes: attr_t, pair: Int16)] = [:]
  private var inputTimeout: Int32?
  private var inputWatch = InputWatch()

  /// A terminal that has not started yet.
  public init() {}

  deinit { stop() }

  /// Whether standard input and standard output are both terminals; `start()` fails when not.
  public static var standardStreamsAreTerminals: Bool {
    isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
  }

  /// Sets the locale, opens the terminal and installs the signal handlers.
  ///
  /// - Throws: `TerminalError.notATerminal` when standard input or output is not a terminal,
  ///   `TerminalError.unknownTerminalType` when `TERM` is unset, empty or unknown to curses,
  ///   `TerminalError.unsupportedTerminalType` when it cannot move the cursor (`dumb`).
  public func start() throws {
    guard screen == nil else { return }
    guard Self.standardStreamsAreTerminals else { throw TerminalError.notATerminal }
    setlocale(LC_ALL, "")
    guard let type = getenv("TERM").map({ String(cString: $0) }), !type.isEmpty else {
      throw TerminalError.unknownTerminalType(nil)
    }
    // Our handlers go in first: ncurses installs its own SIGINT/SIGTERM/SIGTSTP handlers only where the
    // disposition is still the default, and we leave SIGWINCH to it.
    cn_install_signal_handlers()
    guard let screen = cn_newterm(type) else {
      cn_remove_signal_handlers()
      throw TerminalError.unknownTerminalType(type)
    }
    self.screen = screen
    cn_mark_terminal_active()
    guard cn_can_address_cursor() else {
      stop()
      throw TerminalError.unsupportedTerminalType(type)
    }
    configureInput()
    configureOutput()
    size = Self.currentSize()
  }

  /// Ends curses mode, frees the screen and puts the signal handlers back; safe to call repeatedly.
  public func stop() {
    guard let screen else { return }
    cn_restore_terminal()
    delscreen(screen)
    self.screen = nil
    cn_remove_signal_handlers()
    presented = nil
    styleCache = [:]
    inputTimeout = nil
  }

  /// Waits at most `timeoutMilliseconds` (negative: forever) for a key, mouse event, resize or signal.
  ///
  /// Ctrl-C arrives as `.quit(.interrupt)`, not as a key. A closed input gives `.quit(.inputClosed)`,
  /// as does a call before `start()` or after `stop()`, so a loop never spins.
  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    guard screen != nil else { return .quit(.inputClosed) }
    if let event = takeSignalEvent() { return event }
    let timeout = Int32(clamping: timeoutMilliseconds)
    if inputTimeout != timeout {
      wtimeout(cn_stdscr(), timeout)
      inputTimeout = timeout
    }
    let clock = ContinuousClock()
    let started = clock.now
    var code: wint_t = 0
    let status = wget_wch(cn_stdscr(), &code)
    switch CursesInput(status: status, code: code) {
    case .key(let key):
      inputWatch.readSucceeded()
      return .key(key)
    case .mouse:
      inputWatch.readSucceeded()
      return Self.pendingMouseEvent().map(TerminalEvent.mouse)
    case .resize:
      inputWatch.readSucceeded()
      size = Self.currentSize()
      presented = nil
      return .resize(size)
    case .ignored:
      inputWatch.readSucceeded()
      return nil
    case .timeout:
      if let event = takeSignalEvent() { return event }
      let returnedEarly = timeout < 0 || (clock.now - started) < .milliseconds(Int(timeout) / 2)
      if inputWatch.inputClosed(afterEmptyReadReturnedEarly: returnedEarly, pollEvents: Self.pollInput()) {
        return .quit(.inputClosed)
      }
      return nil
    }
  }

  /// Writes the cells of `buffer` that differ from the last presented one (every cell after a resize),
  /// clipped to the terminal, and refreshes; does nothing when no cell changed.
  public func present(_ buffer: ScreenBuffer) {
    guard screen != nil else { return }
    let window = cn_stdscr()
    let redrawAll = presented == nil
    if redrawAll { werase(window) }
    let runs = ScreenDiff.changedRuns(from: presented, to: buffer, width: size.width, height: size.height)
    presented = buffer
    guard redrawAll || !runs.isEmpty else { return }
    var lastStyle: Style?
    var lastLook: (attributes: attr_t, pair: Int16) = (0, 0)
    for run in runs {
      for x in run.columns {
        let cell = buffer[x, run.y]
        if cell.style != lastStyle {
          lastStyle = cell.style
          lastLook = look(of: cell.style)
        }
        let characters = GlyphEncoding.wideCharacters(of: cell.glyph, unicode: capabilities.unicode)
        characters.withUnsafeBufferPointer { text in
          cn_put_cell(Int32(run.y), Int32(x), text.baseAddress, lastLook.attributes, lastLook.pair)
        }
      }
    }
    wrefresh(window)
  }

  private func configureInput() {
    let window = cn_stdscr()
    cbreak()
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    set_escdelay(Self.escapeDelayMilliseconds)
    mousemask(MouseEvent.reportedEvents, nil)
    mouseinterval(0)
  }

  private func configureOutput() {
    leaveok(cn_stdscr(), true)
    curs_set(0)
    let noColor = getenv("NO_COLOR").map { String(cString: $0) }
    capabilities = TerminalCapabilities.decide(
      codeset: String(cString: cn_locale_codeset()), noColor: noColor, terminalHasColors: has_colors())
    guard capabilities.colors else { return }
    start_color()
    let defaultColors = use_default_colors() == OK
    colorPairs = ColorPairs(capacity: Int(cn_color_pairs()), defaultColors: defaultColors)
  }

  /// The curses attributes and colour pair for `style`, creating the pair on first use.
  private func look(of style: Style) -> (attributes: attr_t, pair: Int16) {
    if let cached = styleCache[style] { return cached }
    let textAttributes = TextAttributes(style)
    var attributes = cn_attr_normal()
    if textAttributes.contains(.bold) { attributes |= cn_attr_bold() }
    if textAttributes.contains(.reverse) { attributes |= cn_attr_reverse() }
    if textAttributes.contains(.dim) { attributes |= cn_attr_dim() }
    if textAttributes.contains(.underline) { attributes |= cn_attr_underline() }
    var pair: Int16 = 0
    if capabilities.colors {
      let allocation = colorPairs.pair(foreground: style.foreground, background: style.background)
      if let new = allocation.new { init_pair(new.number, new.foreground, new.background) }
      pair = allocation.number
    }
    styleCache[style] = (attributes, pair)
    return (attributes, pair)
  }

  /// The event for a signal recorded since the last call, if any.
  private func takeSignalEvent() -> TerminalEvent? {
    if cn_take_signal(Int32(CN_SIGNAL_INTERRUPT)) { return .quit(.interrupt) }
    if cn_take_signal(Int32(CN_SIGNAL_TERMINATE)) { return .quit(.terminate) }
    if cn_take_signal(Int32(CN_SIGNAL_HANGUP)) { return .quit(.hangup) }
    if cn_take_signal(Int32(CN_SIGNAL_SUSPEND)) {
      cn_restore_terminal()
      cn_suspend_process()
      _ = cn_take_signal(Int32(CN_SIGNAL_CONTINUE))
      return repaintAfterStop()
    }
    if cn_take_signal(Int32(CN_SIGNAL_CONTINUE)) {
      cn_restore_terminal()
      return repaintAfterStop()
    }
    return nil
  }

  /// Takes the terminal back after the process was stopped (its modes and screen may have changed)
  /// and repaints everything curses last showed.
  private func repaintAfterStop() -> TerminalEvent {
    cn_mark_terminal_active()
    let window = cn_stdscr()
    clearok(window, true)
    wrefresh(window)
    size = Self.currentSize()
    return .resize(size)
  }

  private static func currentSize() -> TerminalSize {
    TerminalSize(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
  }

  private static func pendingMouseEvent() -> MouseEvent? {
    var buttons: mmask_t = 0
    var x: Int32 = 0
    var y: Int32 = 0
    guard cn_get_mouse(&buttons, &x, &y) else { return nil }
    return MouseEvent(buttons: buttons, x: Int(x), y: Int(y))
  }

  /// The `revents` of a zero-timeout poll of standard input.
  private static func pollInput() -> Int16 {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    _ = poll(&descriptor, 1, 0)
    return descriptor.revents
  }
}
