import DamEngine

/// Which training samples each step trains on: a fresh shuffle of the training split every epoch, cut into
/// consecutive batches of `batchSize` (the last batch of an epoch may be smaller; a batch size above the
/// split trains on the whole split every step).
struct BatchSampler: Sendable, Equatable {
  /// Indices of the training samples in this epoch's order.
  private(set) var order: [Int]
  /// Position of the next batch in `order`.
  private(set) var cursor: Int
  /// Completed passes over the training split.
  private(set) var epoch = 0

  /// A sampler over `count` training samples, shuffled with `network`'s generator.
  init<Scalar>(count: Int, network: inout Network<Scalar>) {
    order = Array(0..<count)
    cursor = 0
    network.shuffle(&order)
  }

  /// The range of `order` the next step trains on; the epoch advances (and the order is reshuffled) after
  /// the last batch of an epoch.
  mutating func nextBatch<Scalar>(size: Int, network: inout Network<Scalar>) -> Range<Int> {
    if cursor >= order.count {
      epoch += 1
      cursor = 0
      network.shuffle(&order)
    }
    let batch = cursor..<min(cursor + size, order.count)
    cursor = batch.upperBound
    return batch
  }
}
