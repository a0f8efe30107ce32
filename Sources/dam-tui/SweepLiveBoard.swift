import DamTraining
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The leaderboard of `dam-tui sweep` while it runs: the sweep's state, and, when standard error is a
/// terminal, the progress line and the best trials redrawn in place at most ten times a second.
///
/// Events arrive from the worker threads; everything happens under one lock, and drawing is a few short
/// writes.
final class SweepLiveBoard: Sendable {
  /// Rows of the live table (the final table shows every trial).
  static let visibleTrials = 10

  private struct State {
    var board: SweepBoard
    var drawnLines = 0
    var lastDrawn: UInt64 = 0
  }

  private let state: Mutex<State>
  private let started = DispatchTime.now().uptimeNanoseconds
  /// Whether the board is drawn on standard error.
  let isLive: Bool

  /// A board for `plan`, drawn when `live`.
  init(plan: SweepPlan, live: Bool) {
    state = Mutex(State(board: SweepBoard(plan: plan)))
    isLive = live
  }

  /// Takes in an event and redraws if it is time.
  func handle(_ event: SweepEvent) {
    state.withLock { state in
      state.board.apply(event)
      let now = DispatchTime.now().uptimeNanoseconds
      guard isLive, now - state.lastDrawn >= 100_000_000 else { return }
      draw(&state, at: now)
    }
  }

  /// Settles the board on the runner's final results, draws it one last time, and returns it.
  func finish(with results: [TrialResult]) -> SweepBoard {
    state.withLock { state in
      state.board.settle(results)
      if isLive { draw(&state, at: DispatchTime.now().uptimeNanoseconds) }
      return state.board
    }
  }

  private func draw(_ state: inout State, at now: UInt64) {
    let seconds = Double(now - started) / 1e9
    let elapsed = String((seconds * 10).rounded() / 10)
    let lines =
      ["\(state.board.progressLine), \(elapsed) s"] + state.board.table(limit: Self.visibleTrials)
    let width = Self.terminalWidth()
    var text = state.drawnLines > 0 ? "\u{1B}[\(state.drawnLines)A\r\u{1B}[J" : ""
    for line in lines { text += TerminalText.escaped(String(line.prefix(max(width - 1, 10)))) + "\n" }
    StandardError.report(text)
    state.drawnLines = lines.count
    state.lastDrawn = now
  }

  /// Columns of the terminal on standard error (80 when unknown).
  private static func terminalWidth() -> Int {
    var size = winsize()
    guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
    return Int(size.ws_col)
  }
}
