import Foundation

/// A run directory's `summary.json` (`RunSummary`, which writes it once, atomically, when a run ends),
/// decoded leniently for reading: a field that is missing or of the wrong type is nil (or empty) rather
/// than an error, so a summary written by a newer or older dam-tui, or edited by hand, still lists.
/// `problems` names each field that was there but unreadable. The fields are read by `RunSummary`'s
/// coding keys, so the writer and this reader name the same ones.
public struct RunRecord: Sendable, Equatable {
  /// The lesson goal and whether it held at the end.
  public struct Goal: Sendable, Equatable {
    /// The goal as written (`val_acc >= 0.95`).
    public var text: String
    /// Whether it held.
    public var met: Bool?
    /// Its metric at the end.
    public var value: Double?
  }

  /// The format version (`1`).
  public var schema: Int?
  /// The run's name (its directory's name).
  public var name: String?
  /// The preset it started from.
  public var preset: String?
  /// What ran it: `screen`, `train` or `sweep-trial`.
  public var command: String?
  /// When it started, ISO 8601 in UTC.
  public var started: String?
  /// When it ended, ISO 8601 in UTC.
  public var ended: String?
  /// `finished`, `stopped`, `diverged` or `interrupted`.
  public var status: String?
  /// Optimizer updates applied.
  public var steps: Int?
  /// The lowest validation loss seen.
  public var bestValidationLoss: Double?
  /// Its step.
  public var bestValidationStep: Int?
  /// The evaluation of the final weights (each metric nil when missing or unreadable).
  public var final: RunSummary.FinalMetrics?
  /// Each finding that fired, with the step it first fired at.
  public var findings: [RunFinding] = []
  /// Each setting changed during the run.
  public var changes: [RunChange] = []
  /// The lesson goal, if the preset had one.
  public var goal: Goal?
  /// `A` or `B` for a forked run.
  public var branch: String?
  /// The directory name of the other branch of a fork.
  public var sibling: String?
  /// The step a fork was made at, for a forked run.
  public var forkStep: Int?
  /// The fields that were present but could not be read, e.g. `steps (expected an integer)`.
  public var problems: [String] = []

  /// Reads `bytes` as a summary.
  /// - Throws: `RunCatalogError` when the bytes are not a JSON object.
  public init(json bytes: Data) throws(RunCatalogError) {
    guard var fields = JSONFields(json: bytes) else { throw RunCatalogError("not a JSON object") }
    typealias Key = RunSummary.CodingKeys
    schema = fields.integer(Key.schema)
    name = fields.string(Key.name)
    preset = fields.string(Key.preset)
    command = fields.string(Key.command)
    started = fields.string(Key.started)
    ended = fields.string(Key.ended)
    status = fields.string(Key.status)
    steps = fields.integer(Key.steps)
    bestValidationLoss = fields.number(Key.best_val_loss)
    bestValidationStep = fields.integer(Key.best_val_step)
    if var metrics = fields.object(Key.final) {
      typealias MetricKey = RunSummary.FinalMetrics.CodingKeys
      final = RunSummary.FinalMetrics(
        train_loss: metrics.number(MetricKey.train_loss), val_loss: metrics.number(MetricKey.val_loss),
        train_acc: metrics.number(MetricKey.train_acc), val_acc: metrics.number(MetricKey.val_acc))
      fields.adopt(metrics, under: Key.final)
    }
    findings = fields.objects(Key.findings).compactMap { finding in
      typealias FindingKey = RunSummary.FiredFinding.CodingKeys
      var finding = finding
      defer { fields.adopt(finding, under: Key.findings) }
      guard let name = finding.string(FindingKey.name) else { return nil }
      return RunFinding(name: name, step: finding.integer(FindingKey.step), text: finding.string(FindingKey.text))
    }
    changes = fields.objects(Key.changes).compactMap { change in
      typealias ChangeKey = RunSummary.AppliedChange.CodingKeys
      var change = change
      defer { fields.adopt(change, under: Key.changes) }
      guard let step = change.integer(ChangeKey.step), let key = change.string(ChangeKey.key) else { return nil }
      return RunChange(step: step, key: key, from: change.string(ChangeKey.from), to: change.string(ChangeKey.to))
    }
    if var goal = fields.object(Key.goal) {
      typealias GoalKey = RunSummary.Goal.CodingKeys
      if let text = goal.string(GoalKey.text) {
        self.goal = Goal(text: text, met: goal.boolean(GoalKey.met), value: goal.number(GoalKey.value))
      }
      fields.adopt(goal, under: Key.goal)
    }
    branch = fields.string(Key.branch)
    sibling = fields.string(Key.sibling)
    forkStep = fields.integer(Key.fork_step)
    problems = fields.problems
  }
}

/// A finding that fired during a run.
public struct RunFinding: Sendable, Equatable {
  /// The rule's identifier (`overfitting`).
  public var name: String
  /// The step it first fired at.
  public var step: Int?
  /// What it said.
  public var text: String?

  /// Creates a finding.
  public init(name: String, step: Int?, text: String? = nil) {
    self.name = name
    self.step = step
    self.text = text
  }
}

/// A setting changed during a run: `training.l2` from `0` to `0.001` at step 1,200.
public struct RunChange: Sendable, Equatable {
  /// Updates applied before the change took effect.
  public var step: Int
  /// `section.key`.
  public var key: String
  /// The value before, as TOML (nil when unset or unknown).
  public var from: String?
  /// The value after, as TOML (nil when unset or unknown).
  public var to: String?

  /// Creates a change.
  public init(step: Int, key: String, from: String?, to: String?) {
    self.step = step
    self.key = key
    self.from = from
    self.to = to
  }

  /// `training.l2 0 -> 0.001`.
  public var text: String { "\(key) \(from ?? "unset") -> \(to ?? "unset")" }

  /// As on the chart's change markers: `l2 0 -> 0.001`, `lr 0.1 -> 0.01`.
  public var shortText: String { "\(SettingsDiff.shortName(key)) \(from ?? "unset") -> \(to ?? "unset")" }
}
