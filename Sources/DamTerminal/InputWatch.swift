#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a closed input from a quiet one.
///
/// curses reports end of input the same way as a timeout (ERR), but at once instead of after the
/// timeout. So an empty read that returns early is checked: `poll` reporting a hang-up or error means
/// the input is gone; `poll` reporting data that curses could not read, several times in a row, means
/// end of file. Either way the loop gets a quit event instead of spinning.
struct InputWatch: Sendable {
  /// How many early empty reads with readable input in a row count as end of file.
  static let endOfFileThreshold = 3

  private var earlyEmptyReads = 0

  /// Records that a read returned something; the count of suspicious reads starts again.
  mutating func readSucceeded() { earlyEmptyReads = 0 }

  /// Whether the input is closed, after a read that returned nothing: `returnedEarly` when it came
  /// back well before its timeout, `pollEvents` the `revents` of a zero-timeout `poll` on the input.
  mutating func inputClosed(afterEmptyReadReturnedEarly returnedEarly: Bool, pollEvents: Int16) -> Bool {
    guard returnedEarly else {
      earlyEmptyReads = 0
      return false
    }
    let events = Int32(pollEvents)
    if events & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0 { return true }
    guard events & Int32(POLLIN) != 0 else { return false }
    earlyEmptyReads += 1
    return earlyEmptyReads >= Self.endOfFileThreshold
  }
}
