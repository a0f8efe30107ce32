/// The runs as `dam-tui runs` prints them and the run browser (`R`) lists them: one line per run in aligned
/// columns (name, preset, steps, status, best validation loss and its step, final validation accuracy,
/// findings, then what is wrong), or one JSON object per run.
///
/// The text is not escaped: names come from the file system, so callers escape it (`TerminalText`) before
/// it reaches a terminal.
public enum RunListing {
  /// The column titles.
  public static let titles = ["run", "preset", "steps", "status", "best val loss", "val acc", "findings"]

  /// The cells of `entry`'s row, one per title; the problems follow in `problemsText`.
  public static func cells(_ entry: RunEntry) -> [String] {
    [
      entry.name,
      entry.preset ?? "?",
      entry.steps.map(groupingThousands) ?? "-",
      entry.status,
      entry.bestValidationLoss.map { loss in
        number(loss) + (entry.bestValidationStep.map { " @ \(groupingThousands($0))" } ?? "")
      } ?? "-",
      entry.validationAccuracy.map(percent) ?? "-",
      entry.findings.isEmpty
        ? "-"
        : entry.findings.map { $0.name + ($0.step.map { "@\(groupingThousands($0))" } ?? "") }.joined(separator: " "),
    ]
  }

  /// What is wrong with `entry`, "" when nothing is: `! partial (no summary.json); ...`.
  public static func problemsText(_ entry: RunEntry) -> String {
    entry.problems.isEmpty ? "" : "! " + entry.problems.joined(separator: "; ")
  }

  /// The header and one line per entry, columns padded to their widest cell and separated by two spaces.
  public static func lines(_ entries: [RunEntry]) -> [String] {
    let rows = [titles] + entries.map(cells)
    let widths = titles.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    let problems = [""] + entries.map(problemsText)
    return zip(rows, problems).map { row, problems in
      let padded = zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
      let line = (padded + (problems.isEmpty ? [] : [problems])).joined(separator: "  ")
      return String(line.reversed().drop(while: { $0 == " " }).reversed())
    }
  }

  /// `entry` as one JSON object (no newline): `name`, `path`, `preset`, `started`, `steps`, `status`,
  /// `best_val_loss`, `best_val_step`, `val_acc`, `findings` (`[{"name", "step"}]`), `changes`
  /// (`[{"step", "key", "from", "to"}]`) and `problems` (`[{"text"}]`).
  public static func jsonLine(_ entry: RunEntry) -> String {
    var writer = JSONObjectWriter()
    writer.field("name", entry.name)
    writer.field("path", entry.path)
    writer.field("preset", optional: entry.preset)
    writer.field("started", optional: entry.started)
    writer.field("steps", entry.steps)
    writer.field("status", entry.status)
    writer.field("best_val_loss", entry.bestValidationLoss)
    writer.field("best_val_step", entry.bestValidationStep)
    writer.field("val_acc", entry.validationAccuracy)
    writer.field(
      "findings",
      objects: entry.findings.map { finding in
        var object = JSONObjectWriter()
        object.field("name", finding.name)
        object.field("step", finding.step)
        return object.finish()
      })
    writer.field(
      "changes",
      objects: entry.changes.map { change in
        var object = JSONObjectWriter()
        object.field("step", change.step)
        object.field("key", change.key)
        object.field("from", optional: change.from)
        object.field("to", optional: change.to)
        return object.finish()
      })
    writer.field(
      "problems",
      objects: entry.problems.map { problem in
        var object = JSONObjectWriter()
        object.field("text", problem)
        return object.finish()
      })
    return writer.finish()
  }

  /// `value` to four significant digits: `0.04123`.
  static func number(_ value: Double) -> String { "\(SignificantDigits.round(value))" }

  /// A fraction as a percentage to four significant digits: `98.52%`.
  static func percent(_ value: Double) -> String { "\(SignificantDigits.round(value * 100))%" }

  /// `12400` as `12,400`.
  public static func groupingThousands(_ value: Int) -> String {
    ChangeMarker.groupingThousands(value)
  }
}
