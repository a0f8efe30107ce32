/// The JSON lines of `dam-tui sweep --jsonl`: one object per trial, written when the trial will not train
/// again. Keys, in this order (documented in docs/distributed-sweeps.md):
///
/// - `trial`: 0-based trial number; `params`: `{"section.key": value}` for every varied key;
/// - `steps`: steps of its last finished run; `val_loss`, `val_acc`: of those weights (null when unknown,
///   non-finite, or for accuracy in regression);
/// - `status`: `completed` | `pruned` | `diverged` | `failed` | `stopped`;
/// - `command`: the `dam-tui train` command that reproduces the run; `error`: why it failed (`failed` only).
public enum SweepRecordEncoder {
  /// One trial as a JSON object on one line (no newline).
  public static func line(_ result: TrialResult, plan: SweepPlan) -> String {
    var text = "{\"trial\":\(result.trial),\"params\":{"
    for (index, setting) in result.settings.enumerated() {
      if index > 0 { text += "," }
      JSONObjectWriter.appendString(setting.key, to: &text)
      text += ":"
      appendJSON(setting.value, to: &text)
    }
    text += "},\"steps\":\(result.steps),\"val_loss\":"
    JSONObjectWriter.appendNumber(result.validationLoss, to: &text)
    text += ",\"val_acc\":"
    JSONObjectWriter.appendNumber(result.validationAccuracy, to: &text)
    text += ",\"status\":"
    JSONObjectWriter.appendString(result.status.rawValue, to: &text)
    text += ",\"command\":"
    JSONObjectWriter.appendString(plan.command(for: result.settings, steps: result.steps), to: &text)
    if let error = result.error {
      text += ",\"error\":"
      JSONObjectWriter.appendString(error, to: &text)
    }
    return text + "}"
  }

  /// Appends a TOML value as JSON.
  private static func appendJSON(_ value: PresetValue, to text: inout String) {
    switch value {
    case .string(let string), .other(let string): JSONObjectWriter.appendString(string, to: &text)
    case .integer(let integer): text += String(integer)
    case .float(let number): JSONObjectWriter.appendNumber(number, to: &text)
    case .boolean(let flag): text += flag ? "true" : "false"
    case .array(let elements):
      text += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { text += "," }
        appendJSON(element, to: &text)
      }
      text += "]"
    case .table(let entries):
      text += "{"
      for (index, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
        if index > 0 { text += "," }
        JSONObjectWriter.appendString(entry.key, to: &text)
        text += ":"
        appendJSON(entry.value, to: &text)
      }
      text += "}"
    }
  }
}
