import DamScreen
import DamTraining

extension GhostRun {
  /// Run `entry` of the run log as a ghost: its evaluations' training and validation losses (at most
  /// `pointCount` of each, evenly spaced), `x` counted from its step 0; the settings it started with
  /// (`preset`, from its `preset.toml`) for the label; and the changes made during it.
  public init(run entry: RunEntry, preset: Preset, metrics: RunMetrics) {
    self.init(settings: preset, startStep: 0)
    run = entry.name
    let evaluations = Self.evenlySpaced(metrics.evaluations, count: Self.pointCount)
    endStep = evaluations.last?.step ?? 0
    trainingLoss = evaluations.compactMap { evaluation in
      evaluation.trainingLoss.map { ChartPoint(x: Double(evaluation.step), y: $0) }
    }
    validationLoss = evaluations.compactMap { evaluation in
      evaluation.validationLoss.map { ChartPoint(x: Double(evaluation.step), y: $0) }
    }
    changes = entry.changes.map(\.shortText)
  }

  /// At most `count` of `items`, evenly spaced, the first and last kept.
  private static func evenlySpaced<Item>(_ items: [Item], count: Int) -> [Item] {
    guard items.count > count, count > 1 else { return items }
    return (0..<count).map { items[$0 * (items.count - 1) / (count - 1)] }
  }
}
