/// What a run has shown so far, for judging a lesson's goal and summing it up: each finding that fired
/// (with the first step it fired at) and the step from which "must not fire" goals are judged.
public struct LessonProgress: Sendable, Equatable {
  /// A finding and the first step it was seen at.
  public struct Fired: Sendable, Equatable {
    /// The finding's rule.
    public var id: FindingID
    /// The step of the first evaluation that reported it.
    public var step: Int
  }

  /// Every finding that fired, in the order first seen.
  public private(set) var fired: [Fired] = []
  /// The step "no finding" goals are judged from: the start, or the last lesson try applied.
  public private(set) var judgedFrom = 0
  private var firedSinceJudged: Set<FindingID> = []

  /// Nothing seen yet.
  public init() {}

  /// Notes the findings of the evaluation at `step`.
  public mutating func observe(step: Int, findings: [Finding]) {
    for finding in findings {
      if !fired.contains(where: { $0.id == finding.id }) { fired.append(Fired(id: finding.id, step: step)) }
      if step >= judgedFrom { firedSinceJudged.insert(finding.id) }
    }
  }

  /// Judges "no finding" goals from `step` on (a lesson try was applied there).
  public mutating func judge(from step: Int) {
    judgedFrom = step
    firedSinceJudged = []
  }

  /// Whether `goal` holds, with `report` the latest evaluation and `best` the lowest validation loss.
  public func isMet(_ goal: LessonGoal, report: EvaluationReport?, best: Double?) -> Bool {
    switch goal {
    case .atLeast(let metric, let bound):
      guard let value = metric.value(in: report, best: best) else { return false }
      return value >= bound
    case .atMost(let metric, let bound):
      guard let value = metric.value(in: report, best: best) else { return false }
      return value <= bound
    case .fires(let id):
      return fired.contains { $0.id == id }
    case .neverFires(let id):
      return report != nil && !firedSinceJudged.contains(id)
    }
  }
}
