/// The `run.speed` key of a preset.
extension PresetSchema {
  /// `run.speed`: the lesson's own pace on the interactive screen, steps per second in
  /// 1...`TrainingSpeed.highestLimit` or "max"; absent (the default, not written) means the screen's default.
  static let speedField = PresetField(
    section: .run, name: "speed",
    read: { value, preset, context throws(FieldProblem) in
      switch value {
      case .string("max"): preset.run.speed = .maximum
      case .integer(let limit):
        guard let speed = try? TrainingSpeed(stepsPerSecond: limit) else {
          throw context.outOfRange(value, allowed: TrainingSpeed.allowed)
        }
        preset.run.speed = speed
      case .string: throw context.outOfRange(value, allowed: TrainingSpeed.allowed)
      default: throw context.wrongType(value, allowed: TrainingSpeed.allowed)
      }
    },
    write: { preset in
      preset.run.speed.map { speed in speed.stepsPerSecond.map(PresetValue.integer) ?? .string("max") }
    })
}
