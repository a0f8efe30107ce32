/// One run directory as `dam-tui runs` lists it: what its `summary.json` says or, for a run cut short,
/// what its `metrics.jsonl` shows, and what is wrong with it.
public struct RunEntry: Sendable, Equatable {
  /// The directory's name (the run's name).
  public var name: String
  /// The directory's path.
  public var path: String
  /// The preset the run started from.
  public var preset: String?
  /// When it started, ISO 8601 in UTC (from the summary, else from the name); the listing's order.
  public var started: String?
  /// Optimizer updates applied.
  public var steps: Int?
  /// The summary's status (`finished`, `stopped`, `diverged`, `interrupted`), `partial` for a run
  /// without `summary.json`, or `damaged` when neither file could be read.
  public var status: String
  /// The lowest validation loss.
  public var bestValidationLoss: Double?
  /// Its step.
  public var bestValidationStep: Int?
  /// The validation accuracy of the final weights (of the last evaluation for a partial run).
  public var validationAccuracy: Double?
  /// The findings that fired, with their first steps.
  public var findings: [RunFinding] = []
  /// The settings changed during the run.
  public var changes: [RunChange] = []
  /// The summary, when it could be read.
  public var summary: RunRecord?
  /// What is wrong with the directory: missing or unreadable files, fields of the wrong type.
  public var problems: [String] = []

  /// A run with only a name and a status, the rest to fill in.
  public init(name: String, path: String, status: String) {
    self.name = name
    self.path = path
    self.status = status
  }

  /// Whether the run has no `summary.json` (killed mid-way, or still running).
  public var isPartial: Bool { status == RunEntry.partialStatus }

  /// The status of a run without `summary.json`.
  public static let partialStatus = "partial"
  /// The status of a run with neither a readable summary nor readable metrics.
  public static let damagedStatus = "damaged"
}
