/// Keeps a session's steps to a speed limit: when the next step is due, measured from where the pace
/// started, so that the waits' small overruns do not add up.
///
/// A step that comes late by more than `catchUpLimit` (the machine is slower than the limit, or the
/// session just resumed) starts the pace again from now instead of hurrying to make up for it.
struct StepPacer {
  /// The longest delay made up for by stepping without waits, in nanoseconds.
  static let catchUpLimit: UInt64 = 50_000_000

  private var origin: UInt64 = 0
  private var interval: UInt64?
  private var stepsSinceOrigin: UInt64 = 0

  /// How long to wait at `now` before the next step under `speed`, in nanoseconds; nil when it may go now.
  mutating func delay(at now: UInt64, speed: TrainingSpeed) -> UInt64? {
    guard let stepInterval = speed.stepInterval else {
      interval = nil
      return nil
    }
    guard interval == stepInterval else {
      restart(at: now, interval: stepInterval)
      return nil
    }
    let due = origin &+ stepsSinceOrigin &* stepInterval
    if now >= due {
      if now - due > Self.catchUpLimit { restart(at: now, interval: stepInterval) }
      return nil
    }
    return due - now
  }

  /// Counts a step taken.
  mutating func stepTaken() {
    stepsSinceOrigin += 1
  }

  /// Forgets the pace, e.g. while paused: the next step goes at once.
  mutating func reset() {
    interval = nil
  }

  private mutating func restart(at now: UInt64, interval: UInt64) {
    origin = now
    self.interval = interval
    stepsSinceOrigin = 0
  }
}
