import DamScreen

/// A terminal the main loop draws on and reads from.
///
/// All calls come from one thread (the main loop's). A typical loop:
///
/// ```swift
/// try terminal.start()
/// defer { terminal.stop() }
/// loop: while true {
///   if let event = terminal.readEvent(timeoutMilliseconds: 33) {
///     if case .quit = event { break loop }
///     // reduce the event into the UI state
///   }
///   // if something changed: terminal.present(view(state, terminal.size))
/// }
/// ```
public protocol Terminal: AnyObject {
  /// What the terminal can show; valid after `start()`.
  var capabilities: TerminalCapabilities { get }
  /// The current size in cells; valid after `start()`.
  var size: TerminalSize { get }
  /// Takes over the terminal (full screen, no echo, keys one at a time).
  func start() throws
  /// Gives the terminal back as it was; safe to call more than once.
  func stop()
  /// Waits at most `timeoutMilliseconds` for the next event; nil when none came in time.
  func readEvent(timeoutMilliseconds: Int) -> TerminalEvent?
  /// Shows `buffer`, writing only what changed since the last call.
  func present(_ buffer: ScreenBuffer)
}
