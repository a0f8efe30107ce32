/// The findings of a run as `summary.json` lists them: each finding once, at the first evaluation it
/// appeared, with its sentence then.
public struct RunFindingLog: Sendable {
  /// The findings so far, in the order they first fired.
  public private(set) var fired: [RunSummary.FiredFinding] = []
  private var seen: Set<FindingID> = []

  /// An empty log.
  public init() {}

  /// Adds the findings of the evaluation at `step` that have not fired before.
  public mutating func observe(_ findings: [Finding], step: Int) {
    for finding in findings where seen.insert(finding.id).inserted {
      fired.append(.init(name: finding.id.rawValue, step: step, text: finding.message))
    }
  }
}
