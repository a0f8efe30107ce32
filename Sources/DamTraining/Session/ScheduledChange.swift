/// A `--change STEP:key=value` argument: a setting applied when the run reaches `step`, exactly as the
/// same change made by a key press would be (and recorded the same way).
public struct ScheduledChange: Sendable, Equatable {
  /// The number of updates applied before the change takes effect.
  public var step: Int
  /// The setting.
  public var override: PresetOverride

  /// Creates a change.
  public init(step: Int, override: PresetOverride) {
    self.step = step
    self.override = override
  }

  /// The argument, `STEP:section.key=value`.
  public var argument: String { "\(step):\(override.argument)" }

  /// Parses `STEP:section.key=value`, for example `12400:training.learning_rate=0.01`.
  /// - Throws: `PresetError` whose diagnostics name `--change ARGUMENT`, when the step is missing or not a
  ///   count, or the setting does not parse.
  public init(parsing argument: String) throws(PresetError) {
    let origin = "--change \(argument)"
    let steps = 0...RunSpec.stepsRange.upperBound
    guard let colon = argument.firstIndex(of: ":"), let step = Int(argument[..<colon]), steps.contains(step) else {
      throw PresetError(
        file: origin,
        message: "expected STEP:section.key=value with STEP a step count in \(steps.lowerBound)...\(steps.upperBound) "
          + "(for example 1000:training.learning_rate=0.01)")
    }
    self.step = step
    do {
      self.override = try PresetOverride(parsing: String(argument[argument.index(after: colon)...]))
    } catch {
      throw PresetError(error.diagnostics.map { PresetDiagnostic(file: origin, message: $0.message) })
    }
  }
}
