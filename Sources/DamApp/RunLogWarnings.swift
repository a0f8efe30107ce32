import DamTraining

/// The run directories' problems, from any thread, for the screen's status line: only the first is kept
/// until the screen takes it, so a full disk shows one warning rather than one per file.
final class RunLogWarnings: Sendable {
  private let pending = Locked<(message: String?, shown: Bool)>((nil, false))

  /// Keeps `message` when it is the first problem.
  func warn(_ message: String) {
    pending.withLock { pending in
      if !pending.shown && pending.message == nil { pending.message = message }
    }
  }

  /// The first problem, once.
  func take() -> String? {
    pending.withLock { pending in
      guard let message = pending.message else { return nil }
      pending = (nil, true)
      return message
    }
  }
}
