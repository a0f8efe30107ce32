import DamData
import DamEngine

/// The first `size` samples of a shuffle of a training split, drawn with a network's generator, without
/// augmentation: the one fixed batch the explore tools (overfit check, initialization survey) work on.
struct ShuffledBatch: Sendable {
  /// X [count x featureCount], row-major.
  let inputs: [Float]
  /// T [count x targetWidth], row-major.
  let targets: [Float]
  /// Number of samples (at most the split's size).
  let count: Int

  /// The first `min(size, split.count)` samples of a shuffle of `split` with `network`'s generator.
  init(of split: Dataset, size: Int, network: inout Network<Float>) {
    var sampler = BatchSampler(count: split.count, network: &network)
    let batch = sampler.nextBatch(size: min(size, split.count), network: &network)
    var inputs: [Float] = []
    var targets: [Float] = []
    for index in sampler.order[batch] {
      inputs.append(contentsOf: split.features[index * split.featureCount..<(index + 1) * split.featureCount])
      targets.append(contentsOf: split.targets[index * split.targetWidth..<(index + 1) * split.targetWidth])
    }
    self.inputs = inputs
    self.targets = targets
    count = batch.count
  }
}
