import DamEngine

/// Everything needed to continue training from an earlier step: the network's full state, the batch
/// order and the settings then in force.
struct Checkpoint: Sendable {
  /// The session step the checkpoint was taken at.
  var step: Int
  var network: NetworkState<Float>
  var sampler: BatchSampler
  var preset: Preset
  var active: Preset
}

/// The newest few checkpoints, all taken after finite steps; the oldest is dropped when full.
struct CheckpointRing: Sendable {
  /// The most checkpoints kept.
  let capacity: Int
  private(set) var checkpoints: [Checkpoint] = []

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// The newest checkpoint.
  var newest: Checkpoint? { checkpoints.last }

  mutating func append(_ checkpoint: Checkpoint) {
    if checkpoints.count == capacity { checkpoints.removeFirst() }
    checkpoints.append(checkpoint)
  }

  mutating func removeAll() { checkpoints.removeAll() }
}
