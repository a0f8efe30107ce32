#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Standard output as a place that can fail: SIGPIPE and SIGXFSZ are ignored, so a closed pipe or a file
/// size limit is a write error like a full disk, and `finish()` reports any of them before the process
/// exits.
enum StandardOutput {
  /// Ignores SIGPIPE and SIGXFSZ for the whole process: writes then fail with EPIPE or EFBIG, which every
  /// output reports (the screen restores this same SIGPIPE disposition when it ends).
  static func ignoreWriteSignals() {
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
  }

  /// Flushes what `print` buffered and says whether anything written to standard output was lost.
  /// - Returns: the reason when a write failed, nil when all went out.
  static func finish() -> String? {
    let flushed = fflush(stdout) == 0
    let code = errno
    guard !flushed || ferror(stdout) != 0 else { return nil }
    return "standard output: write failed" + (flushed ? "" : " (\(String(cString: strerror(code))))")
  }
}
