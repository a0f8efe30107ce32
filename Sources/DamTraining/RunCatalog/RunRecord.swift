import Foundation

/// A run directory's `summary.json`, decoded leniently for reading: a field that is missing or of the
/// wrong type is nil (or empty) rather than an error, so a summary written by a newer or older dam-tui, or
/// edited by hand, still lists. `problems` names each field that was there but unreadable.
///
/// The file is written once, atomically, when a run ends:
/// ```
/// {"schema":1,"name":"...","preset":"default","command":"screen|train|sweep-trial","started":"ISO8601Z",
///  "ended":"ISO8601Z"|null,"status":"finished|stopped|diverged|interrupted","steps":N,
///  "best_val_loss":x|null,"best_val_step":N|null,
///  "final":{"train_loss":x,"val_loss":x,"train_acc":x|null,"val_acc":x|null},
///  "findings":[{"name":"overfitting","step":N,"text":"..."}],
///  "changes":[{"step":N,"key":"training.l2","from":"0","to":"0.001"}],
///  "goal":{"text":"val_acc >= 0.95","met":true,"value":0.97}|null,
///  "branch":"A"|"B"|null,"sibling":"<other branch dir name>"|null}
/// ```
public struct RunRecord: Sendable, Equatable {
  /// The evaluation of the final weights.
  public struct FinalMetrics: Sendable, Equatable {
    /// Mean training-split loss.
    public var trainingLoss: Double?
    /// Mean validation-split loss.
    public var validationLoss: Double?
    /// Training-split accuracy (nil for regression).
    public var trainingAccuracy: Double?
    /// Validation-split accuracy (nil for regression).
    public var validationAccuracy: Double?
  }

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
  /// The evaluation of the final weights.
  public var final: FinalMetrics?
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
  /// The fields that were present but could not be read, e.g. `steps (expected an integer)`.
  public var problems: [String] = []

  /// Reads `bytes` as a summary.
  /// - Throws: `RunCatalogError` when the bytes are not a JSON object.
  public init(json bytes: Data) throws(RunCatalogError) {
    guard var fields = JSONFields(json: bytes) else { throw RunCatalogError("not a JSON object") }
    schema = fields.integer("schema")
    name = fields.string("name")
    preset = fields.string("preset")
    command = fields.string("command")
    started = fields.string("started")
    ended = fields.string("ended")
    status = fields.string("status")
    steps = fields.integer("steps")
    bestValidationLoss = fields.number("best_val_loss")
    bestValidationStep = fields.integer("best_val_step")
    if var metrics = fields.object("final") {
      final = FinalMetrics(
        trainingLoss: metrics.number("train_loss"), validationLoss: metrics.number("val_loss"),
        trainingAccuracy: metrics.number("train_acc"), validationAccuracy: metrics.number("val_acc"))
      fields.adopt(metrics, under: "final")
    }
    findings = fields.objects("findings").compactMap { finding in
      var finding = finding
      defer { fields.adopt(finding, under: "findings") }
      guard let name = finding.string("name") else { return nil }
      return RunFinding(name: name, step: finding.integer("step"), text: finding.string("text"))
    }
    changes = fields.objects("changes").compactMap { change in
      var change = change
      defer { fields.adopt(change, under: "changes") }
      guard let step = change.integer("step"), let key = change.string("key") else { return nil }
      return RunChange(step: step, key: key, from: change.string("from"), to: change.string("to"))
    }
    if var goal = fields.object("goal") {
      if let text = goal.string("text") {
        self.goal = Goal(text: text, met: goal.boolean("met"), value: goal.number("value"))
      }
      fields.adopt(goal, under: "goal")
    }
    branch = fields.string("branch")
    sibling = fields.string("sibling")
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
