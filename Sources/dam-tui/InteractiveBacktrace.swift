#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps a crash of the interactive UI from leaving an interactive backtrace prompt in the user's terminal.
///
/// The Swift runtime reads `SWIFT_BACKTRACE` once, before `main`, and by default offers an interactive
/// debugger prompt when a crashing program runs on a terminal. Setting the variable later has no effect on
/// the running process, so when `interactive=` is not already chosen, the program sets
/// `interactive=no` and executes itself again with the same arguments (once: the new process finds the
/// setting). A crash then prints its backtrace and exits, after the terminal is restored.
enum InteractiveBacktrace {
  /// The setting added to `SWIFT_BACKTRACE`.
  static let nonInteractive = "interactive=no"

  /// Re-executes the program with `interactive=no` added to `SWIFT_BACKTRACE`, unless it says already
  /// whether to be interactive; returns only when no re-execution was needed or it failed.
  static func makeCrashReportsNonInteractive() {
    let current = getenv("SWIFT_BACKTRACE").map { String(cString: $0) } ?? ""
    guard !current.contains("interactive=") else { return }
    setenv("SWIFT_BACKTRACE", current.isEmpty ? nonInteractive : current + "," + nonInteractive, 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
  }
}
