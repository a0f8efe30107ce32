import Foundation

/// A run directory's `metrics.jsonl` (the JSON lines of `dam-tui train --jsonl`, docs/headless.md): the
/// evaluations and, when the run ended, its final record's status.
///
/// A run killed mid-way may leave a last line without its newline: when that line is not a whole JSON
/// object it is left out and noted in `problems`, as is any other line that cannot be read. Nothing in
/// the file stops the reading.
public struct RunMetrics: Sendable, Equatable {
  /// One evaluation (an ordinary line, or the final record).
  public struct Evaluation: Sendable, Equatable {
    /// Optimizer updates applied.
    public var step: Int
    /// Mean training-split loss (nil when not finite).
    public var trainingLoss: Double?
    /// Mean validation-split loss (nil when not finite).
    public var validationLoss: Double?
    /// Training-split accuracy.
    public var trainingAccuracy: Double?
    /// Validation-split accuracy.
    public var validationAccuracy: Double?
    /// The ids of the findings at this evaluation.
    public var findings: [String]
  }

  /// Every readable evaluation, in file order.
  public private(set) var evaluations: [Evaluation] = []
  /// The final record's `status` (`completed`, `diverged`, `stopped`), nil without a final record.
  public private(set) var finalStatus: String?
  /// What could not be read, with line numbers.
  public private(set) var problems: [String] = []

  /// Reads the text of a `metrics.jsonl` file.
  public init(text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      let content = line.hasSuffix("\r") ? line.dropLast() : line
      if content.isEmpty { continue }
      let isUnterminated = index == lines.count - 1
      guard var fields = JSONFields(json: Data(content.utf8)) else {
        problems.append(
          "metrics.jsonl line \(index + 1): "
            + (isUnterminated ? "cut short (no newline), left out" : "not a JSON object, left out"))
        continue
      }
      guard let step = fields.integer("step") else {
        problems.append("metrics.jsonl line \(index + 1): no step, left out")
        continue
      }
      let findings = fields.objects("findings").compactMap { finding in
        var finding = finding
        return finding.string("id")
      }
      evaluations.append(
        Evaluation(
          step: step, trainingLoss: fields.number("train_loss"), validationLoss: fields.number("val_loss"),
          trainingAccuracy: fields.number("train_acc"), validationAccuracy: fields.number("val_acc"),
          findings: findings))
      if fields.boolean("final") == true { finalStatus = fields.string("status") }
    }
  }

  /// The lowest finite validation loss, with its step and that evaluation's validation accuracy.
  public var best: (loss: Double, step: Int, accuracy: Double?)? {
    var best: (loss: Double, step: Int, accuracy: Double?)?
    for evaluation in evaluations {
      guard let loss = evaluation.validationLoss, loss.isFinite, loss < best?.loss ?? .infinity else { continue }
      best = (loss, evaluation.step, evaluation.validationAccuracy)
    }
    return best
  }

  /// Each finding id that appeared, with the step of the first evaluation that had it, in that order.
  public var firedFindings: [RunFinding] {
    var fired: [RunFinding] = []
    for evaluation in evaluations {
      for id in evaluation.findings where !fired.contains(where: { $0.name == id }) {
        fired.append(RunFinding(name: id, step: evaluation.step))
      }
    }
    return fired
  }
}
