/// The `run.threads` key of a preset.
extension PresetSchema {
  /// `run.threads`: an integer in `ThreadSetting.allowedCounts` or "auto" (the default, not written).
  static let threadsField = PresetField(
    section: .run, name: "threads",
    read: { value, preset, context throws(FieldProblem) in
      if case .string(let text) = value, let setting = ThreadSetting(parsing: text), setting == .auto {
        preset.run.threads = .auto
      } else if case .integer(let count) = value, ThreadSetting.allowedCounts.contains(count) {
        preset.run.threads = .count(count)
      } else if case .integer = value {
        throw context.outOfRange(value, allowed: ThreadSetting.allowed)
      } else {
        throw context.wrongType(value, allowed: ThreadSetting.allowed)
      }
    },
    write: { preset in
      guard case .count(let count) = preset.run.threads else { return nil }
      return .integer(count)
    })
}
