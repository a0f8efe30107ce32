extension SessionJournal {
  /// The journal of the session `snapshot` shows: `changes` (as `RunChangeLog` follows them), its
  /// validation losses (exact for the newest 1,024 evaluations; older ones are the history's averages, at
  /// their last step), `fired` (each finding with its first step) and its best validation loss with the
  /// accuracy measured at that step.
  public init(snapshot: Snapshot, changes: [RunSummary.AppliedChange], fired: [RunSummary.FiredFinding]) {
    let history = snapshot.history
    let accuracy = history.validationAccuracy.buckets.last {
      $0.firstStep == $0.lastStep && $0.lastStep == snapshot.bestValidation?.step
    }
    self.init(
      preset: snapshot.preset.name, steps: snapshot.step,
      changes: changes,
      validation: history.validationLoss.buckets.map { Measurement(step: $0.lastStep, loss: $0.mean) },
      findings: fired.map { RunFinding(name: $0.name, step: $0.step) },
      best: snapshot.bestValidation.map { BestPoint(step: $0.step, loss: $0.loss, accuracy: accuracy?.mean) })
  }

  /// The name of the journal in a run directory.
  public static let fileName = "journal.md"

  /// Writes `markdown` as `journal.md` in the run directory at `directory`, atomically; an existing
  /// journal is never replaced.
  /// - Throws: `OutputError` naming the file and the reason.
  public func write(inRunDirectory directory: String) throws(OutputError) {
    let path = directory + "/" + Self.fileName
    try AtomicFile.store(Array(markdown.utf8), at: path, overwrite: false, shownAs: path)
  }
}
