/// The JSON lines of `dam-tui train`: one object per evaluation, then a final object, which is the
/// evaluation of the final weights (never repeated as an evaluation line) with the outcome of the run. A
/// public, versioned contract (documented in docs/headless.md); keys always appear in this order:
///
/// - `schema`: the version of this format, `TrainingRecordEncoder.schema`.
/// - `step`: optimizer updates applied so far; `epoch`: completed passes over the training split;
///   `lr`: the learning rate in force for the next update.
/// - `train_loss`, `val_loss`: mean data loss over the whole training / validation split in evaluation
///   mode, for the weights after `step` updates; `reg_loss`: the L1/L2 term.
/// - `train_acc`, `val_acc`: accuracy in [0, 1] (null for regression); `samples_per_s`: throughput.
/// - `layers`: one object per dense layer from the input side: `index` (0-based), `grad_norm`,
///   `weight_norm`, `update_ratio`, `act_mean`, `act_std`, `saturated`, `dead` (null where meaningless).
/// - `findings`: `[{"id", "message"}]`, root cause first, in the order the screen shows them (`Diagnostics.causalOrder`).
/// - final record only: `final` (true), `status` (`completed` | `diverged` | `stopped`), `best_val_loss`,
///   `best_val_step` (null when no finite validation loss was seen); `goal` (the preset's lesson goal as
///   written, e.g. `"val_acc >= 0.95"`, or null), `goal_met` (whether it held at the end, or null) and
///   `goal_value` (its metric at the end; null for a finding goal).
///
/// Non-finite numbers are written as `null`.
public enum TrainingRecordEncoder {
  /// The current version of the format.
  public static let schema = 1

  /// One evaluation as a JSON object on one line (no newline).
  public static func line(_ report: EvaluationReport, findings: [Finding]) -> String {
    object(report, findings: findings).finish()
  }

  /// The final record: the evaluation of the final weights plus how the run ended (no newline).
  public static func finalLine(_ report: EvaluationReport, findings: [Finding], outcome: RunOutcome) -> String {
    var writer = object(report, findings: findings)
    writer.field("final", true)
    writer.field("status", outcome.status.rawValue)
    writer.field("best_val_loss", outcome.bestValidationLoss)
    writer.field("best_val_step", outcome.bestValidationStep)
    writer.field("goal", optional: outcome.goal?.description)
    writer.field("goal_met", optional: outcome.goalMet)
    writer.field("goal_value", outcome.goalValue)
    return writer.finish()
  }

  private static func object(_ report: EvaluationReport, findings: [Finding]) -> JSONObjectWriter {
    var writer = JSONObjectWriter()
    writer.field("schema", schema)
    writer.field("step", report.step)
    writer.field("epoch", report.epoch)
    writer.field("lr", report.learningRate)
    writer.field("train_loss", report.trainingLoss)
    writer.field("val_loss", report.validationLoss)
    writer.field("reg_loss", report.regularizationLoss)
    writer.field("train_acc", report.trainingAccuracy)
    writer.field("val_acc", report.validationAccuracy)
    writer.field("samples_per_s", report.samplesPerSecond)
    writer.field(
      "layers",
      objects: report.layers.enumerated().map { index, layer in
        var object = JSONObjectWriter()
        object.field("index", index)
        object.field("grad_norm", layer.gradientNorm)
        object.field("weight_norm", layer.weightNorm)
        object.field("update_ratio", layer.updateRatio)
        object.field("act_mean", layer.activationMean)
        object.field("act_std", layer.activationStd)
        object.field("saturated", layer.saturatedFraction)
        object.field("dead", layer.deadFraction)
        return object.finish()
      })
    writer.field(
      "findings",
      objects: findings.map { finding in
        var object = JSONObjectWriter()
        object.field("id", finding.id.rawValue)
        object.field("message", finding.message)
        return object.finish()
      })
    return writer
  }
}
