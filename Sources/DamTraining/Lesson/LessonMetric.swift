/// A number a lesson goal can bound, named as in the JSON lines of `dam-tui train`.
public enum LessonMetric: String, Sendable, CaseIterable, Hashable {
  /// Mean data loss over the training split.
  case trainingLoss = "train_loss"
  /// Mean data loss over the validation split.
  case validationLoss = "val_loss"
  /// Training-split accuracy in [0, 1].
  case trainingAccuracy = "train_acc"
  /// Validation-split accuracy in [0, 1].
  case validationAccuracy = "val_acc"
  /// The lowest validation loss so far.
  case bestValidationLoss = "best_val_loss"
  /// The share of first-layer weights at zero (|w| <= `EvaluationReport.zeroWeightTolerance`).
  case firstLayerZeroShare = "first_layer_zero_share"

  /// The metric's value in `report`, with `best` the lowest validation loss so far; nil when the run has
  /// none (accuracy of a regression, no evaluation yet).
  public func value(in report: EvaluationReport?, best: Double?) -> Double? {
    switch self {
    case .trainingLoss: report?.trainingLoss
    case .validationLoss: report?.validationLoss
    case .trainingAccuracy: report?.trainingAccuracy
    case .validationAccuracy: report?.validationAccuracy
    case .bestValidationLoss: best
    case .firstLayerZeroShare: report?.firstLayerZeroShare
    }
  }
}
