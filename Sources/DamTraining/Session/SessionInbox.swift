/// What waits for a session's training queue, in the order it was sent: commands, numbered as they
/// arrive, and requests to read the trainer. Keeping both in one list means a copy of the trainer (a fork)
/// has every command sent before it asked and none sent after.
struct SessionInbox: Sendable {
  /// One thing sent to the session.
  enum Entry: Sendable {
    /// A command with its sequence number.
    case command(sequence: Int, Command)
    /// A request to read the trainer between two steps, with the step the session still pauses at by
    /// itself (a lesson's end; nil when none is pending).
    case read(@Sendable (Trainer, Int?) -> Void)
  }

  private var entries: [Entry] = []
  private var lastSequence = 0

  /// Queues `command` and returns its sequence number: one more than the previous command's.
  mutating func append(_ command: Command) -> Int {
    lastSequence += 1
    entries.append(.command(sequence: lastSequence, command))
    return lastSequence
  }

  /// Queues a request to read the trainer.
  mutating func append(_ read: @escaping @Sendable (Trainer, Int?) -> Void) {
    entries.append(.read(read))
  }

  /// Everything queued, oldest first; the inbox is then empty.
  mutating func takeAll() -> [Entry] {
    let taken = entries
    entries.removeAll(keepingCapacity: true)
    return taken
  }
}
