import DamScreen
import DamTraining

/// The text lines of the scrolling dialogs, shared by the reducer (which limits the scroll to the last
/// screenful) and the view (which draws them), so both count the same lines.
enum DialogLines {
  /// The help dialog's lines: `KeyMap.helpLines`, a summary too wide for `width` wrapped under its own
  /// column.
  static func help(width: Int) -> [String] {
    let column = KeyMap.helpKeyColumnWidth
    return KeyMap.helpLines.flatMap { line -> [String] in
      guard line.count > width, width > column + 10 else { return [line] }
      let keys = String(line.prefix(column))
      let indent = String(repeating: " ", count: column)
      return TextWrap.lines(String(line.dropFirst(column)), width: width - column).enumerated().map {
        ($0.offset == 0 ? keys : indent) + $0.element
      }
    }
  }

  /// The findings dialog's lines, wrapped to `width`: each finding as "severity: message" (root cause
  /// first) with its actions under it ("a:" marks the one `a` applies), then the recorded changes with
  /// their steps ("step 1,200: l2 0 -> 0.001"), which the loss chart may show only as "3 changes".
  static func findings(_ state: AppState, width: Int) -> [String] {
    let offered = state.offeredAction?.action
    var lines: [String] = []
    if state.findings.isEmpty { lines.append("No findings: nothing looks wrong right now.") }
    for finding in state.findings {
      lines += TextWrap.lines("\(label(finding.severity)): \(finding.message)", width: width)
      for action in finding.actions(settings: state.settings) {
        let key = action == offered ? "a: " : "   "
        lines += TextWrap.lines(action.summary, width: max(width - 6, 10)).map { "  " + key + $0 }
      }
    }
    lines += ["", state.changes.isEmpty ? "Recorded changes: none yet." : "Recorded changes:"]
    for change in state.changes {
      lines += TextWrap.lines("step \(ChangeMarker.groupingThousands(change.step)): \(change.summary)", width: width)
    }
    return lines
  }

  /// The word for a finding's severity.
  static func label(_ severity: Finding.Severity) -> String {
    switch severity {
    case .info: "info"
    case .warning: "warning"
    case .critical: "critical"
    }
  }
}
