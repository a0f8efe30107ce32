import DamUI

/// The controller's queue of events waiting for the reducer, first in, first out: input, ticks, what the
/// sessions and experiments report, and the events effects answer with.
struct EventQueue {
  private var events: [InputEvent] = []
  private var head = 0

  /// Adds `event` at the back.
  mutating func add(_ event: InputEvent) {
    events.append(event)
  }

  /// Adds `added` at the back, in order.
  mutating func add(contentsOf added: [InputEvent]) {
    events.append(contentsOf: added)
  }

  /// Removes and returns the oldest event; nil when the queue is empty.
  /// - Complexity: amortized O(1).
  mutating func next() -> InputEvent? {
    guard head < events.count else {
      events.removeAll(keepingCapacity: true)
      head = 0
      return nil
    }
    head += 1
    return events[head - 1]
  }
}
