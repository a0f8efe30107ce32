import DamData

extension Trainer {
  /// Batch normalization normalizes over the batch, so with `model.batch_norm` on (and a hidden layer to
  /// normalize) every batch needs at least 2 samples: the training split too, whatever `batch_size` says.
  /// - Throws: `SessionError` naming the keys and what is allowed when the split has fewer than 2 samples.
  static func checkBatchNorm(_ model: ModelSpec, data: PreparedData) throws(SessionError) {
    guard model.batchNorm, !model.hidden.isEmpty, data.train.count < 2 else { return }
    throw SessionError(
      "data: model.batch_norm = true needs batches of at least 2 samples, but the training split has "
        + "\(data.train.count) (see data.train_samples and data.train_fraction): train on at least 2 samples "
        + "or set model.batch_norm = false")
  }
}
