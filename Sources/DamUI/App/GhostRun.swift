import DamScreen
import DamTraining

/// An earlier run kept on the loss chart after a reset (`r`), a re-initialization (`i`) or a preset load:
/// its training-loss curve, dimmed and drawn from the current run's first step so the two compare at a
/// glance, and the settings it trained with, so its label can say what differed.
public struct GhostRun: Sendable, Hashable {
  /// The most ghosts the chart keeps; the oldest is dropped first.
  public static let capacity = 4
  /// The most points a ghost's curve keeps (more than any chart is wide in dot columns).
  public static let pointCount = 480

  /// The settings in force at the end of the run (the model the weights were drawn with).
  public var settings: Preset
  /// The session step the run started at.
  public var startStep: Int
  /// The session step the run ended at (the step of its newest point, or `startStep`).
  public var endStep: Int
  /// The run's mini-batch training loss, `x` counted in steps from `startStep`.
  public var trainingLoss: [ChartPoint]

  /// A run that started at `startStep` with `settings`, its curve not captured yet.
  public init(settings: Preset, startStep: Int) {
    self.settings = settings
    self.startStep = startStep
    endStep = startStep
    trainingLoss = []
  }

  /// Steps the run lasted.
  public var length: Int { endStep - startStep }

  /// The run with its curve taken from `history`: the training loss from `startStep` to the newest step
  /// `step`, as at most `pointCount` bucket means.
  /// - Complexity: O(history buckets + `pointCount`).
  public func capturing(_ history: TrainingHistory, through step: Int) -> GhostRun {
    var ghost = self
    let last = max(startStep, min(step, history.trainingLoss.latest?.lastStep ?? startStep))
    ghost.endStep = last
    ghost.trainingLoss = history.trainingLoss.resampled(over: startStep...last, columns: Self.pointCount)
      .compactMap { bucket in
        bucket.map { ChartPoint(x: Double($0.firstStep + $0.lastStep) / 2 - Double(startStep), y: $0.mean) }
      }
    return ghost
  }

  /// The label of ghost `number` against the current run's `settings`: what the ghost had that differs,
  /// e.g. "ghost 1: he-normal lr 0.03", or "ghost 1: same settings".
  public func label(number: Int, comparedWith current: Preset) -> String {
    var differences: [String] = []
    if settings.name != current.name { differences.append("preset \(settings.name)") }
    for parameter in ParameterCatalog.parameters
    where parameter.displayValue(in: settings) != parameter.displayValue(in: current) {
      differences.append(parameter.shortText(in: settings))
    }
    let shown = differences.prefix(3).joined(separator: " ") + (differences.count > 3 ? " ..." : "")
    return "ghost \(number): " + (differences.isEmpty ? "same settings" : shown)
  }

  /// The glyph the curve of ghost `number` is drawn with: its number, so it reads without colour.
  public static func mark(number: Int) -> Character {
    Character(String(number % 10))
  }
}
