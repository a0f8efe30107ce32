/// When a live session validates: every `run.eval_every` steps, but never more often than keeps the cost
/// of a validation under a tenth of the time since the last one spent training or idle between paced
/// steps. At full speed that time is all training, so validation takes at most a tenth of it; under a
/// speed limit the queue is idle most of the time, and validation keeps to `run.eval_every`.
struct EvaluationSchedule {
  /// Steps taken since the last validation.
  private(set) var steps = 0
  private var samples = 0
  private var trainingNanoseconds: UInt64 = 0
  private var idleNanoseconds: UInt64 = 0
  private var lastCost: UInt64 = 0

  /// Counts a step of `samples` samples that took `nanoseconds`.
  mutating func stepTaken(samples: Int, nanoseconds: UInt64) {
    steps += 1
    self.samples += samples
    trainingNanoseconds += nanoseconds
  }

  /// Counts `nanoseconds` spent waiting for a paced step.
  mutating func waited(nanoseconds: UInt64) {
    idleNanoseconds += nanoseconds
  }

  /// Whether a validation is due, with `every` the preset's `run.eval_every`.
  func isDue(every: Int) -> Bool {
    steps >= every && trainingNanoseconds + idleNanoseconds >= 9 * lastCost
  }

  /// Training samples per second since the last validation, waits left out; 0 before any training.
  var samplesPerSecond: Double {
    trainingNanoseconds > 0 ? Double(samples) / (Double(trainingNanoseconds) / 1e9) : 0
  }

  /// Starts counting again after a validation that took `cost` nanoseconds.
  mutating func evaluated(cost: UInt64) {
    self = EvaluationSchedule()
    lastCost = cost
  }
}
