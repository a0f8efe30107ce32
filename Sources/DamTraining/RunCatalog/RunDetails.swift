import Foundation

/// One run as `dam-tui runs show NAME` prints it: its summary field by field, the findings that fired and
/// the changes made, each with its step, and what is wrong with the directory. Not escaped (see
/// `RunListing`).
public enum RunDetails {
  /// The lines describing `entry`.
  public static func lines(_ entry: RunEntry) -> [String] {
    let summary = entry.summary
    var fields: [(String, String?)] = [
      ("run", entry.name),
      ("path", entry.path),
      ("preset", entry.preset),
      ("command", summary?.command),
      ("started", entry.started),
      ("ended", summary?.ended),
      ("status", entry.status),
      ("steps", entry.steps.map(RunListing.groupingThousands)),
      ("best val loss", bestText(entry)),
      ("final", summary?.final.map(finalText)),
      ("goal", summary?.goal.map(goalText)),
    ]
    if let branch = summary?.branch {
      let sibling = summary?.sibling.map { " (the other branch: \($0))" } ?? ""
      let fork = summary?.forkStep.map { ", forked at step \(RunListing.groupingThousands($0))" } ?? ""
      fields.append(("branch", branch + sibling + fork))
    }
    var lines = fields.compactMap { title, value in
      value.map { title.padding(toLength: 14, withPad: " ", startingAt: 0) + $0 }
    }
    lines.append("findings" + (entry.findings.isEmpty ? "      none" : ""))
    for finding in entry.findings {
      lines.append("  " + stepText(finding.step) + finding.name + (finding.text.map { ": \($0)" } ?? ""))
    }
    lines.append("changes" + (entry.changes.isEmpty ? "       none" : ""))
    for change in entry.changes { lines.append("  " + stepText(change.step) + change.text) }
    if !entry.problems.isEmpty {
      lines.append("problems")
      lines += entry.problems.map { "  " + $0 }
    }
    return lines
  }

  private static func stepText(_ step: Int?) -> String {
    let text = step.map { "step " + RunListing.groupingThousands($0) } ?? "step ?"
    return text.padding(toLength: 14, withPad: " ", startingAt: 0)
  }

  private static func bestText(_ entry: RunEntry) -> String? {
    entry.bestValidationLoss.map { loss in
      number(loss) + (entry.bestValidationStep.map { " at step " + RunListing.groupingThousands($0) } ?? "")
    }
  }

  private static func finalText(_ final: RunSummary.FinalMetrics) -> String {
    [
      ("train loss", final.train_loss.map(number)), ("val loss", final.val_loss.map(number)),
      ("train acc", final.train_acc.map(percent)), ("val acc", final.val_acc.map(percent)),
    ].compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: ", ")
  }

  private static func goalText(_ goal: RunRecord.Goal) -> String {
    let verdict = goal.met.map { $0 ? "met" : "not met" } ?? "not judged"
    return "\(goal.text): \(verdict)" + (goal.value.map { " (\(number($0)))" } ?? "")
  }

  private static func number(_ value: Double) -> String { RunListing.number(value) }

  private static func percent(_ value: Double) -> String { RunListing.percent(value) }
}
