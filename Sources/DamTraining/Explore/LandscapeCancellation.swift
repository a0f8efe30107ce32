import Synchronization

/// A flag a running landscape computation checks before each point; set it from any thread to stop it.
public final class LandscapeCancellation: Sendable {
  private let flag = Atomic<Bool>(false)

  /// A flag not yet set.
  public init() {}

  /// Whether `cancel` was called.
  public var isCancelled: Bool { flag.load(ordering: .acquiring) }

  /// Asks the computation to stop.
  public func cancel() { flag.store(true, ordering: .releasing) }
}
