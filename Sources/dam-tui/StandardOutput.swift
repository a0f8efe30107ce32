#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Standard output as a place that can fail: SIGPIPE is ignored, so a closed pipe is a write error like a
/// full disk, and `finish()` reports either before the process exits.
enum StandardOutput {
  /// Ignores SIGPIPE for the whole process (the screen restores this same disposition when it ends).
  static func ignoreBrokenPipe() {
    signal(SIGPIPE, SIG_IGN)
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
