import DamEngine
import DamTraining

/// A training run's TensorBoard event file: each evaluation's scalars and histograms, each applied
/// change and each new finding as text, every one written at its step as it happens (`TrainingTags`).
///
/// A write that fails throws `RunLogError` and leaves the file readable up to the previous event; the
/// caller shows a warning and trains on, and later writes are tried again. `BackgroundEventWriter` does
/// all of this on a queue of its own.
public final class TrainingEventLog {
  /// The event file.
  public let writer: TensorBoardEventWriter
  /// The findings of the previous evaluation, so each is written when it appears.
  private var previousFindings: Set<FindingID> = []

  /// A new event file in `directory` (which must exist).
  /// - Throws: `RunLogError` when the file cannot be created.
  public init(directory: String) throws(RunLogError) {
    writer = try TensorBoardEventWriter(directory: directory)
  }

  /// Writes an evaluation: its scalars, the histograms of `network` (the network evaluated, see
  /// `TrainingSummaries.addHistograms`) and, as text, the findings absent from the previous evaluation.
  /// - Throws: `RunLogError` when an event cannot be written.
  public func record(_ report: EvaluationReport, findings: [Finding], network: Network<Float>) throws(RunLogError) {
    try record(report, findings: findings, network: NetworkSnapshot(network))
  }

  /// Writes an evaluation of the network `network` is a snapshot of (as `record(_:findings:network:)`).
  /// - Throws: `RunLogError` when an event cannot be written.
  func record(_ report: EvaluationReport, findings: [Finding], network: NetworkSnapshot) throws(RunLogError) {
    var values = TrainingSummaries.scalars(of: report)
    TrainingSummaries.addHistograms(of: network, to: &values)
    let appeared = findings.filter { !previousFindings.contains($0.id) }
    previousFindings = Set(findings.map(\.id))
    if !appeared.isEmpty { values.addText(TrainingSummaries.text(of: appeared), tag: TrainingTags.findings) }
    try writer.write(values, step: report.step)
  }

  /// Writes an applied command as text at the step it took effect.
  /// - Throws: `RunLogError` when the event cannot be written.
  public func record(_ entry: RecordedCommand) throws(RunLogError) {
    var values = SummaryValues()
    values.addText(TrainingSummaries.text(of: entry.command), tag: TrainingTags.changes)
    try writer.write(values, step: entry.step)
  }
}
