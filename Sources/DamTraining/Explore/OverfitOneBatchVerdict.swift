/// The outcome of an overfit-one-batch check.
public enum OverfitOneBatchVerdict: String, Sendable, Equatable, Hashable {
  /// The loss on the batch fell to the target: the network can memorise one batch.
  case memorised
  /// A loss or gradient became NaN or infinite: the learning rate is too high, or there is a bug.
  case diverged
  /// Every step ran and the loss stayed above the target: a bug, too little capacity, or a learning rate
  /// too low (or too high to settle).
  case stalled
}
