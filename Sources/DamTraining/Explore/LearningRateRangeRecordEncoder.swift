/// The JSON lines of `dam-tui lr-find --jsonl`: one object per step of the sweep, then a final object.
/// Keys always appear in this order:
///
/// - per step: `step` (from 0), `lr` (the learning rate it trained at), `loss` (its mini-batch data loss),
///   `smoothed_loss` (fastai's bias-corrected exponential moving average).
/// - final: `final` (true), `status` (`completed` | `diverged` | `non-finite` | `stopped`, by a signal or a
///   failed write before the sweep's end), `steps` (points recorded),
///   `suggested_learning_rate` (rounded to three significant digits, as printed) and `suggested_step`
///   (the point it comes from); both null when there is no suggestion.
///
/// Non-finite numbers are written as `null`.
public enum LearningRateRangeRecordEncoder {
  /// One point as a JSON object on one line (no newline).
  public static func line(_ point: LearningRateRangePoint) -> String {
    var writer = JSONObjectWriter()
    writer.field("step", point.step)
    writer.field("lr", point.learningRate)
    writer.field("loss", point.loss)
    writer.field("smoothed_loss", point.smoothedLoss)
    return writer.finish()
  }

  /// The final object of a sweep (no newline): `stopped` when it was stopped before its end.
  public static func finalLine(_ result: LearningRateRangeResult, stopped: Bool) -> String {
    var writer = JSONObjectWriter()
    writer.field("final", true)
    writer.field("status", stopped ? "stopped" : (result.end ?? .completed).rawValue)
    writer.field("steps", result.points.count)
    writer.field("suggested_learning_rate", result.suggestion?.roundedLearningRate)
    writer.field("suggested_step", result.suggestion?.step)
    return writer.finish()
  }
}
