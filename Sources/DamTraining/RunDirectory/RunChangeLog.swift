/// The changes of a run as `summary.json` lists them, followed command by command: a `set` adds one
/// entry per key it changed (`training.l2` from `0` to `0.001`, values as a preset file writes them);
/// re-initializing, resetting to the preset and rewinding add one entry with key `command`, from `""` to
/// the command's name.
public struct RunChangeLog: Sendable {
  /// The changes so far, in order.
  public private(set) var changes: [RunSummary.AppliedChange] = []
  private var settings: Preset
  private let original: Preset

  /// Follows a run that starts with `preset`.
  public init(preset: Preset) {
    settings = preset
    original = preset
  }

  /// Adds what `entry` changed; a command that changes no setting or cannot apply adds nothing.
  public mutating func observe(_ entry: RecordedCommand) {
    switch entry.command {
    case .set(let override):
      guard let updated = try? settings.applying([override]) else { return }
      for change in SettingsDiff(from: settings, to: updated).changes {
        changes.append(
          .init(step: entry.step, key: change.key, from: change.oldValue ?? "", to: change.newValue ?? ""))
      }
      settings = updated
    case .resetToPreset:
      settings = original
      changes.append(.init(step: entry.step, key: "command", from: "", to: "reset_to_preset"))
    case .reinitialize:
      changes.append(.init(step: entry.step, key: "command", from: "", to: "reinitialize"))
    case .rewind:
      changes.append(.init(step: entry.step, key: "command", from: "", to: "rewind"))
    case .pause, .resume, .step, .stop:
      return
    }
  }
}
