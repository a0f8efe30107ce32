import Foundation

/// A value that several threads share (the session's inbox, the UI's hand-offs from background queues),
/// read and written only while holding its lock.
///
/// The lock is a pthread mutex (`NSLock`) rather than `Synchronization.Mutex`: on Linux `Mutex` waits with
/// raw futex calls that ThreadSanitizer does not see, so `swift test --sanitize=thread` would report
/// every access made under it as a race. Nothing slow may run while the lock is held.
public final class Locked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  /// Guards `value`.
  public init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` on the value with the lock held and returns its result.
  public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
