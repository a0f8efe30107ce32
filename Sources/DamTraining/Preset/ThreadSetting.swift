#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads run a network's large products (`run.threads`, `--threads`). Any count gives the
/// same bits; small networks run on one thread whatever it says.
public enum ThreadSetting: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  /// The cores free beside the screen: all online cores but one, at least one. Headless `train` takes
  /// every core (`count(headless:)`).
  case auto
  /// Exactly this many threads (`allowedCounts`).
  case count(Int)

  /// The thread counts one may ask for.
  public static let allowedCounts: ClosedRange<Int> = 1...256

  /// What a setting may be, for error messages.
  public static let allowed = "an integer in 1...256 or \"auto\""

  /// "auto" or a count in `allowedCounts`; nil otherwise.
  public init?(parsing text: String) {
    if text == "auto" {
      self = .auto
    } else if let count = Int(text), Self.allowedCounts.contains(count) {
      self = .count(count)
    } else {
      return nil
    }
  }

  /// The number of threads: a count as given; `auto` is every online core for a headless run and one
  /// fewer (at least one) beside the screen.
  public func count(headless: Bool) -> Int {
    switch self {
    case .count(let count): return count
    case .auto: return headless ? Self.onlineCores : max(1, Self.onlineCores - 1)
    }
  }

  /// The setting as a preset or option writes it.
  public var description: String {
    switch self {
    case .auto: return "auto"
    case .count(let count): return String(count)
    }
  }

  /// The cores the operating system has online (at least 1).
  public static var onlineCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
