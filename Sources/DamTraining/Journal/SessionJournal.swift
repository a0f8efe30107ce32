import Foundation

/// What a session tried and what each change did, as markdown: what a student hands in or a practitioner
/// pastes into an issue. Printed when the interactive session ends, and written as a run's `journal.md`.
///
/// For each change: its step, what changed, the validation loss just before it (the last evaluation at a
/// step below the change's: at the change's own step the evaluation already follows it) and after it (the
/// first evaluation at least `stepsAfter` steps later; if the next change comes sooner, the last
/// evaluation before that one; if the run ends sooner, its last evaluation). Each value is given with the
/// step it was measured at, so nothing is hidden. Then each finding that fired with its first step, and the
/// best point (the lowest validation loss).
public struct SessionJournal: Sendable, Equatable {
  /// How many steps after a change its effect is read: 500, ten evaluations at the default
  /// `run.eval_every` of 50, enough for a learning-rate or regularization change to show.
  public static let stepsAfter = 500

  /// A validation loss and the step it was measured at.
  public struct Measurement: Sendable, Equatable {
    /// Updates applied before the evaluation.
    public var step: Int
    /// The mean validation-split loss.
    public var loss: Double

    /// Creates a measurement.
    public init(step: Int, loss: Double) {
      self.step = step
      self.loss = loss
    }
  }

  /// The lowest validation loss of the session.
  public struct BestPoint: Sendable, Equatable {
    /// The loss and its step.
    public var measurement: Measurement
    /// The validation accuracy at that step, for classification.
    public var accuracy: Double?

    /// Creates a best point.
    public init(step: Int, loss: Double, accuracy: Double?) {
      measurement = Measurement(step: step, loss: loss)
      self.accuracy = accuracy
    }
  }

  /// The preset the session ran.
  public var preset: String
  /// The step the session ended at.
  public var steps: Int
  /// The changes, oldest first, as `summary.json` lists them (`RunChangeLog`): a setting's key with its
  /// values before and after, or key `command` for re-initializing, resetting and rewinding.
  public var changes: [RunSummary.AppliedChange]
  /// The validation losses, in step order.
  public var validation: [Measurement]
  /// The findings that fired, with their first steps.
  public var findings: [RunFinding]
  /// The lowest validation loss.
  public var best: BestPoint?

  /// Creates a journal.
  public init(
    preset: String, steps: Int, changes: [RunSummary.AppliedChange], validation: [Measurement], findings: [RunFinding],
    best: BestPoint?
  ) {
    self.preset = preset
    self.steps = steps
    self.changes = changes
    self.validation = validation
    self.findings = findings
    self.best = best
  }

  /// The validation loss just before the change at index `index` of `changes`.
  public func before(change index: Int) -> Measurement? {
    validation.last { $0.step < changes[index].step }
  }

  /// The validation loss after the change at index `index`, and why it was taken there: `stepsAfter`
  /// later, before the next change, or at the end of the run.
  public func after(change index: Int) -> (measurement: Measurement, reason: AfterReason)? {
    let step = changes[index].step
    let target = step + Self.stepsAfter
    let next = changes[(index + 1)...].first { $0.step > step }?.step
    if let next, next <= target {
      return validation.last { $0.step >= step && $0.step < next }.map { ($0, .nextChange) }
    }
    if let reached = validation.first(where: { $0.step >= target }) { return (reached, .stepsLater) }
    return validation.last { $0.step >= step }.map { ($0, .runEnded) }
  }

  /// Where the "after" value of a change was read.
  public enum AfterReason: Sendable, Equatable {
    /// `stepsAfter` steps or more later.
    case stepsLater
    /// At the last evaluation before the next change, which came sooner.
    case nextChange
    /// At the last evaluation: the run ended sooner.
    case runEnded
  }

  /// The journal as markdown, ending with a newline. Text from presets (names, values) is not escaped for
  /// the terminal: print it through `TerminalText`.
  public var markdown: String {
    var lines = [
      "# Session journal: \(preset)", "",
      "\(RunListing.groupingThousands(steps)) steps of preset `\(preset)`.", "",
      "## Changes", "",
    ]
    if changes.isEmpty {
      lines.append("No changes.")
    } else {
      lines += [
        "Validation loss before a change: the last evaluation before its step; after: the first evaluation "
          + "\(Self.stepsAfter) or more steps later, or the last before the next change or the end (marked).",
        "",
        "| step | change | val loss before | val loss after |",
        "| ---: | --- | ---: | ---: |",
      ]
      for index in changes.indices {
        let before = before(change: index).map { Self.text($0) } ?? "-"
        let after = after(change: index).map { measurement, reason in
          Self.text(measurement, note: reason == .nextChange ? "next change" : reason == .runEnded ? "end" : nil)
        }
        lines.append(
          "| \(RunListing.groupingThousands(changes[index].step)) | \(Self.cell(Self.text(changes[index]))) | \(before) | "
            + "\(after ?? "-") |")
      }
    }
    lines += ["", "## Findings", ""]
    if findings.isEmpty { lines.append("None fired.") }
    for finding in findings {
      let step = finding.step.map { "step \(RunListing.groupingThousands($0))" } ?? "step ?"
      lines.append("- \(step): \(finding.name)" + (finding.text.map { ": \($0)" } ?? ""))
    }
    lines += ["", "## Best point", ""]
    if let best {
      lines.append(
        "Validation loss \(RunListing.number(best.measurement.loss)) at step "
          + RunListing.groupingThousands(best.measurement.step)
          + (best.accuracy.map { " (validation accuracy \(RunListing.percent($0)))" } ?? "") + ".")
    } else {
      lines.append("No finite validation loss.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `0.4123 (step 1,150)`, or with a note, `0.4123 (step 1,150, end)`.
  private static func text(_ measurement: Measurement, note: String? = nil) -> String {
    "\(RunListing.number(measurement.loss)) (step \(RunListing.groupingThousands(measurement.step))"
      + (note.map { ", \($0)" } ?? "") + ")"
  }

  /// A change as the table shows it: `training.lr 0.1 -> 0.01`, or the command's name
  /// (`reinitialize`).
  private static func text(_ change: RunSummary.AppliedChange) -> String {
    change.key == "command" ? change.to : "\(change.key) \(change.from) -> \(change.to)"
  }

  /// `text` safe inside a markdown table cell.
  private static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
