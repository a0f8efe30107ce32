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

  /// The findings dialog's lines: each finding as "severity: message", wrapped to `width`.
  static func findings(_ findings: [Finding], width: Int) -> [String] {
    guard !findings.isEmpty else { return ["No findings: nothing looks wrong right now."] }
    return findings.flatMap { TextWrap.lines("\(label($0.severity)): \($0.message)", width: width) }
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
