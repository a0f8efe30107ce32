/// The `run.threads` key of a preset.
extension PresetSchema {
  /// `run.threads`: an integer in `ThreadSetting.allowedCounts` or "auto" (the default, not written).
  static let threadsField = PresetField(
    section: .run, name: "threads",
    read: { value, preset, context throws(FieldProblem) in
      switch value {
      case .string("auto"): preset.run.threads = .auto
      case .integer(let count) where ThreadSetting.allowedCounts.contains(count): preset.run.threads = .count(count)
      case .string, .integer: throw context.outOfRange(value, allowed: ThreadSetting.allowed)
      default: throw context.wrongType(value, allowed: ThreadSetting.allowed)
      }
    },
    write: { preset in
      guard case .count(let count) = preset.run.threads else { return nil }
      return .integer(count)
    })
}
