import DamScreen
import DamTraining

/// An earlier run kept on the loss chart after a reset (`r`), a re-initialization (`i`) or a preset load:
/// its smoothed training-loss and its validation-loss curves, dimmed and drawn from the current run's
/// first step so the two compare at a glance, the settings it ended with and the changes made during it,
/// so its label can say exactly what differed.
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
  /// The session step the next run starts at: the steps done when the run was captured (its newest
  /// point's step + 1), or `startStep` when it was not captured. The run that replaced it counts (and
  /// smooths its loss) from there, so no point of this run leaks into it.
  public var nextStep: Int
  /// The run's training loss, smoothed as the chart's default (`LossSmoothing.medium`), `x` counted in
  /// steps from `startStep`.
  public var trainingLoss: [ChartPoint]
  /// The run's validation loss, `x` counted in steps from `startStep`.
  public var validationLoss: [ChartPoint] = []
  /// The changes applied during the run (after its first step), oldest first: "l2 0.01 -> 0".
  public var changes: [String] = []
  /// The run directory it was loaded from (`R`, `--compare`); nil for a run of this session.
  public var run: String?

  /// A run that started at `startStep` with `settings`, its curve not captured yet.
  public init(settings: Preset, startStep: Int) {
    self.settings = settings
    self.startStep = startStep
    endStep = startStep
    nextStep = startStep
    trainingLoss = []
  }

  /// Steps the run lasted.
  public var length: Int { endStep - startStep }

  /// The run with its curves taken from `history`: the smoothed training loss and the validation loss from
  /// `startStep` to the newest step `step`, each as at most `pointCount` points, and the changes made
  /// after `startStep`.
  /// - Complexity: O(history buckets + `pointCount`).
  public func capturing(_ history: TrainingHistory, through step: Int) -> GhostRun {
    var ghost = self
    let last = max(startStep, min(step, history.trainingLoss.latest?.lastStep ?? startStep))
    ghost.endStep = last
    ghost.nextStep = max(startStep, step)
    let shift = Double(startStep)
    ghost.trainingLoss = history.trainingLoss.smoothedPoints(
      weight: LossSmoothing.medium.weight, from: startStep, over: startStep...last, columns: Self.pointCount
    ).map { ChartPoint(x: $0.x - shift, y: $0.y) }
    ghost.validationLoss = history.validationLoss.resampled(over: startStep...last, columns: Self.pointCount)
      .compactMap { bucket in
        bucket.map { ChartPoint(x: Double($0.firstStep + $0.lastStep) / 2 - shift, y: $0.mean) }
      }
    ghost.changes = history.markers.filter { $0.step > startStep && $0.step <= last }.map(\.summary)
    return ghost
  }

  /// The label of ghost `number` against the current run's `settings`: every setting the ghost ended with
  /// that differs, then how many changes it had during the run, e.g. "ghost 1: lr 0.03 he-normal",
  /// "ghost 1: same settings, 2 changes during the run (d)", or "ghost 1: same settings".
  public func label(number: Int, comparedWith current: Preset) -> String {
    var differences: [String] = []
    if settings.name != current.name { differences.append("preset \(settings.name)") }
    for parameter in ParameterCatalog.parameters
    where parameter.displayValue(in: settings) != parameter.displayValue(in: current) {
      differences.append(parameter.shortText(in: settings))
    }
    let during =
      changes.isEmpty
      ? ""
      : ", \(changes.count) change\(changes.count == 1 ? "" : "s") during the run: " + changes.joined(separator: ", ")
    let name = run.map { " (run \($0))" } ?? ""
    return "ghost \(number)\(name): " + (differences.isEmpty ? "same settings" : differences.joined(separator: " "))
      + during
  }

  /// The glyph the curve of ghost `number` is drawn with: its number, so it reads without colour.
  public static func mark(number: Int) -> Character {
    Character(String(number % 10))
  }
}
