import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP in the long-running headless commands (`train`, `replay`, `lr-find`,
/// `sweep`): the handler only stores the signal; the command polls `received` between steps, finishes its
/// outputs (the final record with status `stopped`, the recording's `stop` line, the weights) and exits
/// with `exitCode` (128 + the signal: 130, 143, 129). The screen has its own handlers (`CursesTerminal`).
enum ShutdownSignals {
  /// Installs the handlers and unblocks the signals on the calling thread: a parent may start us with them
  /// blocked (a spawning thread's mask is inherited, as under `swift test`). A SIGHUP ignored by the
  /// parent (`nohup`) stays ignored.
  static func install() {
    var signals = sigset_t()
    sigemptyset(&signals)
    for signo in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(signo) { signo in
        _ = receivedSignal.compareExchange(expected: 0, desired: signo, ordering: .relaxed)
      }
      if signo == SIGHUP && unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
        signal(SIGHUP, SIG_IGN)
      }
      sigaddset(&signals, signo)
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// The first shutdown signal received, if any.
  static var received: Int32? {
    let signo = receivedSignal.load(ordering: .relaxed)
    return signo == 0 ? nil : signo
  }

  /// The exit code after `received`: 128 + the signal number.
  static var exitCode: Int32? { received.map { 128 + $0 } }

  /// The signal's name, for messages: `SIGINT`, `SIGTERM` or `SIGHUP`.
  static var name: String? {
    received.map { $0 == SIGINT ? "SIGINT" : $0 == SIGTERM ? "SIGTERM" : $0 == SIGHUP ? "SIGHUP" : "signal \($0)" }
  }
}

/// Set once, by the first handled signal.
private let receivedSignal = Atomic<Int32>(0)
