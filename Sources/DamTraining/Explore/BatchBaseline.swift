import DamEngine
import Foundation

/// The loss of the best constant prediction on one batch: what a network that ignores its inputs can
/// reach. The overfit-one-batch check measures memorisation against it, so the verdict depends on the
/// batch alone and not on how far the network had trained before the check.
///
/// Classification (binary or softmax): the entropy of the batch's class frequencies,
/// -sum_c p_c ln p_c (predicting those frequencies everywhere). Regression: (1/2) sum_j Var(t_j), the
/// mean squared error of predicting each target's batch mean, with the loss's factor 1/2.
enum BatchBaseline {
  /// The baseline loss of `count` samples' `targets` (`targetWidth` scalars each) under `head`.
  /// - Complexity: O(targets).
  static func loss(targets: [Float], count: Int, targetWidth: Int, head: OutputHead) -> Double {
    guard count > 0 else { return 0 }
    switch head {
    case .binary, .multiclass:
      var frequencies: [Int: Int] = [:]
      for index in 0..<count { frequencies[Int(targets[index * targetWidth]), default: 0] += 1 }
      return frequencies.values.reduce(0.0) { total, samples in
        let share = Double(samples) / Double(count)
        return total - share * log(share)
      }
    case .regression:
      var total = 0.0
      for output in 0..<targetWidth {
        let values = (0..<count).map { Double(targets[$0 * targetWidth + output]) }
        let mean = values.reduce(0, +) / Double(count)
        total += values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
      }
      return total / 2
    }
  }
}
