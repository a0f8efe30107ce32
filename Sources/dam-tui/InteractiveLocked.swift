import Foundation

/// A value the main loop shares with background queues (a forked session arriving, a range test's
/// progress), read and written only while holding its lock.
///
/// The lock is a pthread mutex (`NSLock`) rather than `Synchronization.Mutex`, whose raw futex waits
/// ThreadSanitizer cannot see. Nothing slow may run while the lock is held.
final class InteractiveLocked<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  /// Guards `value`.
  init(_ value: Value) {
    self.value = value
  }

  /// Runs `body` on the value with the lock held and returns its result.
  func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try body(&value)
  }
}
