/// What `summary.json` in a run directory says about one run: how it ended, its best and final metrics,
/// the findings that fired, the changes applied, the lesson goal, and its fork sibling.
///
/// The field names are the file's keys (`schema` is 1). Optional values are written as `null`, never left
/// out, so a reader can tell "no value" from "an older schema".
public struct RunSummary: Codable, Sendable, Equatable {
  /// How a run ended.
  public enum Status: String, Codable, Sendable, CaseIterable {
    /// It ran the requested number of steps.
    case finished
    /// The user or a command stopped it before the end (a quit, `--stop-at`, the end of a lesson).
    case stopped
    /// The loss or a gradient became NaN or infinite.
    case diverged
    /// A signal (SIGINT, SIGTERM, SIGHUP) or a closed pipe ended it.
    case interrupted
  }

  /// Which program wrote the run.
  public enum Command: String, Codable, Sendable, CaseIterable {
    /// An interactive session (`dam-tui`, the screen).
    case screen
    /// `dam-tui train`.
    case train
    /// One trial of `dam-tui sweep`.
    case sweepTrial = "sweep-trial"
  }

  /// The metrics at the end.
  public struct FinalMetrics: Codable, Sendable, Equatable {
    /// The training loss at the last evaluation.
    public var train_loss: Double?
    /// The validation loss at the last evaluation.
    public var val_loss: Double?
    /// The training accuracy (nil for regression).
    public var train_acc: Double?
    /// The validation accuracy (nil for regression).
    public var val_acc: Double?

    /// The file's keys: the encoder's, and the lenient reader's (`RunRecord`).
    enum CodingKeys: String, CodingKey {
      case train_loss, val_loss, train_acc, val_acc
    }

    /// Creates final metrics.
    public init(train_loss: Double?, val_loss: Double?, train_acc: Double?, val_acc: Double?) {
      self.train_loss = train_loss
      self.val_loss = val_loss
      self.train_acc = train_acc
      self.val_acc = val_acc
    }
  }

  /// A finding that fired, at the step it first fired.
  public struct FiredFinding: Codable, Sendable, Equatable {
    /// The finding's name (`Finding.Kind` raw value, e.g. `overfitting`).
    public var name: String
    /// The step at which it fired.
    public var step: Int
    /// The finding's sentence as shown in the screen.
    public var text: String

    /// The file's keys (as `FinalMetrics.CodingKeys`).
    enum CodingKeys: String, CodingKey {
      case name, step, text
    }

    /// Creates a fired finding.
    public init(name: String, step: Int, text: String) {
      self.name = name
      self.step = step
      self.text = text
    }
  }

  /// A setting changed during the run.
  public struct AppliedChange: Codable, Sendable, Equatable {
    /// The step at which it took effect.
    public var step: Int
    /// The preset key, e.g. `training.l2`.
    public var key: String
    /// The value before, as preset text.
    public var from: String
    /// The value after, as preset text.
    public var to: String

    /// The file's keys (as `FinalMetrics.CodingKeys`).
    enum CodingKeys: String, CodingKey {
      case step, key, from, to
    }

    /// Creates an applied change.
    public init(step: Int, key: String, from: String, to: String) {
      self.step = step
      self.key = key
      self.from = from
      self.to = to
    }
  }

  /// The lesson goal and whether the run met it.
  public struct Goal: Codable, Sendable, Equatable {
    /// The goal as written in the preset, e.g. `val_acc >= 0.95`.
    public var text: String
    /// Whether it held at the end.
    public var met: Bool
    /// The goal's metric at the end (nil for a finding goal).
    public var value: Double?

    /// The file's keys (as `FinalMetrics.CodingKeys`).
    enum CodingKeys: String, CodingKey {
      case text, met, value
    }

    /// Creates a goal result.
    public init(text: String, met: Bool, value: Double?) {
      self.text = text
      self.met = met
      self.value = value
    }
  }

  /// The schema version this type writes.
  public static let currentSchema = 1

  /// The file format's version (1).
  public var schema: Int
  /// The run directory's name.
  public var name: String
  /// The preset's name (built-in name or preset file stem).
  public var preset: String
  /// Which program wrote the run.
  public var command: Command
  /// When it started, ISO 8601 UTC (`2026-12-07T17:09:37Z`).
  public var started: String
  /// When it ended, ISO 8601 UTC; nil while it runs.
  public var ended: String?
  /// How it ended.
  public var status: Status
  /// Steps trained.
  public var steps: Int
  /// The lowest finite validation loss seen.
  public var best_val_loss: Double?
  /// The step of `best_val_loss`.
  public var best_val_step: Int?
  /// The metrics at the end.
  public var final: FinalMetrics
  /// The findings that fired, in order.
  public var findings: [FiredFinding]
  /// The changes applied, in order.
  public var changes: [AppliedChange]
  /// The lesson goal, if the preset has one.
  public var goal: Goal?
  /// `A` or `B` for the two branches of a fork; nil otherwise.
  public var branch: String?
  /// The other branch's directory name (a sibling folder); nil without a fork.
  public var sibling: String?
  /// The step the fork was made at (branch `B` trained from branch `A`'s weights at that step); nil
  /// without a fork.
  public var fork_step: Int?

  /// The file's keys: the encoder's, and the lenient reader's (`RunRecord`), so both name the same
  /// fields.
  enum CodingKeys: String, CodingKey {
    case schema, name, preset, command, started, ended, status, steps, best_val_loss, best_val_step, final
    case findings, changes, goal, branch, sibling, fork_step
  }

  /// Creates a summary.
  public init(
    name: String, preset: String, command: Command, started: String, ended: String? = nil,
    status: Status, steps: Int, best_val_loss: Double? = nil, best_val_step: Int? = nil,
    final: FinalMetrics, findings: [FiredFinding] = [], changes: [AppliedChange] = [], goal: Goal? = nil,
    branch: String? = nil, sibling: String? = nil, fork_step: Int? = nil
  ) {
    schema = Self.currentSchema
    self.name = name
    self.preset = preset
    self.command = command
    self.started = started
    self.ended = ended
    self.status = status
    self.steps = steps
    self.best_val_loss = best_val_loss
    self.best_val_step = best_val_step
    self.final = final
    self.findings = findings
    self.changes = changes
    self.goal = goal
    self.branch = branch
    self.sibling = sibling
    self.fork_step = fork_step
  }
}

extension RunSummary {
  /// Writes every key, optional ones as `null`; a non-finite number is written as `null` too (JSON has
  /// no NaN).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(schema, forKey: .schema)
    try container.encode(name, forKey: .name)
    try container.encode(preset, forKey: .preset)
    try container.encode(command, forKey: .command)
    try container.encode(started, forKey: .started)
    try container.encode(ended, forKey: .ended)
    try container.encode(status, forKey: .status)
    try container.encode(steps, forKey: .steps)
    try container.encode(best_val_loss.finiteOrNil, forKey: .best_val_loss)
    try container.encode(best_val_step, forKey: .best_val_step)
    try container.encode(final, forKey: .final)
    try container.encode(findings, forKey: .findings)
    try container.encode(changes, forKey: .changes)
    try container.encode(goal, forKey: .goal)
    try container.encode(branch, forKey: .branch)
    try container.encode(sibling, forKey: .sibling)
    try container.encode(fork_step, forKey: .fork_step)
  }
}

extension RunSummary.FinalMetrics {
  /// Writes every key, a missing or non-finite value as `null`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(train_loss.finiteOrNil, forKey: .train_loss)
    try container.encode(val_loss.finiteOrNil, forKey: .val_loss)
    try container.encode(train_acc.finiteOrNil, forKey: .train_acc)
    try container.encode(val_acc.finiteOrNil, forKey: .val_acc)
  }
}

extension RunSummary.Goal {
  /// Writes every key, a missing or non-finite value as `null`.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(text, forKey: .text)
    try container.encode(met, forKey: .met)
    try container.encode(value.finiteOrNil, forKey: .value)
  }
}

extension Optional where Wrapped == Double {
  /// The value when it is finite, else nil.
  fileprivate var finiteOrNil: Double? {
    guard let value = self, value.isFinite else { return nil }
    return value
  }
}
