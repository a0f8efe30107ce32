#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The times a run directory shows, in UTC.
public enum RunTime {
  /// Seconds since the Unix epoch, from the real-time clock.
  public static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// `2026-12-07_17-09-37`: a folder name's start.
  public static func folderStamp(_ seconds: Double) -> String {
    let parts = utc(seconds)
    return "\(parts.date)_\(parts.hour)-\(parts.minute)-\(parts.second)"
  }

  /// `2026-12-07T17:09:37Z`: ISO 8601, as `summary.json` has it.
  public static func iso8601(_ seconds: Double) -> String {
    let parts = utc(seconds)
    return "\(parts.date)T\(parts.hour):\(parts.minute):\(parts.second)Z"
  }

  private static func utc(_ seconds: Double) -> (date: String, hour: String, minute: String, second: String) {
    var time = time_t(seconds.rounded(.down))
    var parts = tm()
    gmtime_r(&time, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let year = String(parts.tm_year + 1900)
    return (
      "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))", two(parts.tm_hour), two(parts.tm_min), two(parts.tm_sec)
    )
  }
}
