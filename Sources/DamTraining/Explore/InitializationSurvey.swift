import DamEngine

/// The initialization explorer's numbers: the run's architecture, initialized by each initializer of
/// `InitializationCandidate.lineUp` in turn, and probed at step 0 (no training) on one batch of the
/// training split (`Network.probe`: one forward and one backward pass of the data loss, no dropout).
///
/// Per dense layer it records the standard deviation of the layer's output H (after the activation,
/// over every sample of the batch and every unit; the logits for the output layer), the Frobenius norm
/// of the data-loss gradient of the layer's weights, and how many units are distinct. Healthy is flat
/// against depth; small weights make both shrink layer after layer, large ones explode or saturate,
/// zeros make every unit of a layer identical.
///
/// The batch is the first `batchSize` samples of a shuffle of the training split drawn with a copy of
/// the run's generator, without augmentation; every candidate draws its weights from that same copy of
/// the generator. The trainer given is never touched.
public struct InitializationSurvey: Sendable, Equatable {
  /// The network surveyed.
  public let architecture: NetworkArchitecture
  /// Samples in the batch.
  public let batchSize: Int
  /// One profile per candidate, in the line-up's order (the run's own last).
  public let profiles: [InitializationProfile]

  /// The survey of `trainer`'s architecture on one batch of its training split.
  /// - Throws: `ConfigurationError` when the training split is empty or the run's initializer is invalid.
  public init(trainer: Trainer) throws(ConfigurationError) {
    let train = trainer.data.train
    guard train.count > 0 else {
      throw ConfigurationError(key: "data", value: "0 training samples", allowed: "at least one training sample")
    }
    var network = trainer.network
    let batch = ShuffledBatch(of: train, size: network.hyperparameters.batchSize, network: &network)
    var profiles: [InitializationProfile] = []
    for candidate in InitializationCandidate.lineUp(current: trainer.network.initializer) {
      var copy = network
      try copy.reinitialize(with: candidate.initializer)
      let layers = try! copy.probe(inputs: batch.inputs, targets: batch.targets, count: batch.count)
      profiles.append(InitializationProfile(candidate: candidate, layers: layers))
    }
    architecture = network.architecture
    batchSize = batch.count
    self.profiles = profiles
  }
}
