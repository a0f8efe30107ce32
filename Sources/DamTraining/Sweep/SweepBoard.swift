/// The state of a sweep as its events arrive: every trial's latest numbers and the current rung, for the
/// live leaderboard and the final table.
public struct SweepBoard: Sendable {
  /// Every trial by number.
  public private(set) var trials: [TrialResult]
  /// The rungs of the sweep.
  public let rungs: [HalvingSchedule.Rung]
  /// The rung being trained (0-based), or nil before the first.
  public private(set) var rung: Int?
  /// The varied keys, in `--vary` order (the table's parameter columns).
  public let keys: [String]
  /// The trials of the current rung.
  private var rungTrials: [Int] = []

  /// An empty board for `plan`.
  public init(plan: SweepPlan) {
    let settings = plan.trialSettings
    trials = settings.indices.map { TrialResult(trial: $0, settings: settings[$0]) }
    rungs = plan.schedule.rungs
    keys = plan.space.dimensions.map(\.key)
  }

  /// Takes in one event.
  public mutating func apply(_ event: SweepEvent) {
    switch event {
    case .rungStarted(let index, _):
      rung = index
      rungTrials = trials.filter { $0.status == .queued }.map(\.trial)
    case .trialUpdated(let result), .trialFinished(let result): trials[result.trial] = result
    }
  }

  /// Replaces every trial with `results` (the runner's final answer).
  public mutating func settle(_ results: [TrialResult]) {
    for result in results { trials[result.trial] = result }
  }

  /// The trials that trained at least once, best first (`TrialResult.ranksBefore`).
  public var ranked: [TrialResult] {
    trials.filter { $0.steps > 0 || $0.status == .failed }.sorted(by: TrialResult.ranksBefore)
  }

  /// The best trial that completed the full budget, if any.
  public var best: TrialResult? {
    trials.filter { $0.status == .completed && $0.rankedLoss != nil }.min(by: TrialResult.ranksBefore)
  }

  /// One line on progress: the rung, its step count, runs finished and running.
  public var progressLine: String {
    guard let rung else { return "starting \(trials.count) trials" }
    let current = rungs[rung]
    let states = rungTrials.map { trials[$0].status }
    let running = states.filter { $0 == .running }.count
    let done = states.filter { $0 != .running && $0 != .queued }.count
    let cut = rung + 1 < rungs.count ? ", best \(rungs[rung + 1].trials) go on" : ""
    return "rung \(rung + 1)/\(rungs.count): \(current.steps) steps, \(done)/\(rungTrials.count) trials done, "
      + "\(running) running\(cut)"
  }

  /// The leaderboard as text lines: a header and the best `limit` trials.
  public func table(limit: Int = .max) -> [String] {
    let header = ["rank", "trial", "steps", "val_loss", "val_acc", "status"] + keys
    var rows: [[String]] = []
    for (rank, result) in ranked.prefix(limit).enumerated() {
      var row = [
        String(rank + 1), String(result.trial), String(result.steps), Self.number(result.validationLoss),
        Self.number(result.validationAccuracy), result.status.rawValue,
      ]
      row += result.settings.map(\.text)
      rows.append(row)
    }
    let numericColumns = 5
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    return ([header] + rows).map { row in
      row.indices.map { column in
        let padding = String(repeating: " ", count: widths[column] - row[column].count)
        return column < numericColumns ? padding + row[column] : row[column] + padding
      }.joined(separator: "  ").trailingSpacesRemoved
    }
  }

  /// Four significant digits, or `-` for unknown and non-finite values.
  public static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "-" }
    return String(SignificantDigits.round(value))
  }
}

extension String {
  fileprivate var trailingSpacesRemoved: String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
