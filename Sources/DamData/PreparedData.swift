import DamEngine

/// Data ready for training: shuffled, split, normalized with training statistics, and the augmentation
/// the trainer applies to training batches.
public struct PreparedData: Sendable, Equatable {
  /// The training samples (at most `DataSpec.trainSamples` of them), normalized.
  public let train: Dataset
  /// The validation samples, normalized; never affected by `trainSamples` or augmentation.
  public let validation: Dataset
  /// The statistics of the whole training split and the map applied to both splits.
  public let normalization: NormalizationStatistics
  /// What the trainer does to each training batch.
  public let augmentation: Augmentation

  /// Prepared data from its parts; both splits must have the same columns.
  public init(
    train: Dataset, validation: Dataset, normalization: NormalizationStatistics, augmentation: Augmentation
  ) {
    precondition(train.featureNames == validation.featureNames && train.classLabels == validation.classLabels)
    self.train = train
    self.validation = validation
    self.normalization = normalization
    self.augmentation = augmentation
  }

  /// The output layer and loss the targets call for.
  public var outputHead: OutputHead { train.outputHead }
  /// Features per sample.
  public var featureCount: Int { train.featureCount }
}
