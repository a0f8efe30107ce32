import DamTraining
import DamUI

extension RunCatalog {
  /// Run `name` as a ghost for the loss chart: its curves from `metrics.jsonl`, its settings from
  /// `preset.toml` (for the label saying what differed) and its changes from `summary.json`.
  /// - Throws: `RunCatalogError` naming the path when the run, its metrics or its preset cannot be read.
  public func ghost(named name: String) throws(RunCatalogError) -> GhostRun {
    let entry = try entry(named: name)
    let metrics: RunMetrics
    do {
      metrics = try self.metrics(of: entry)
    } catch {
      throw RunCatalogError("\(entry.path)/metrics.jsonl: \(error)")
    }
    guard !metrics.evaluations.isEmpty else {
      throw RunCatalogError("\(entry.path)/metrics.jsonl: no evaluation to draw")
    }
    return GhostRun(run: entry, preset: try preset(of: entry), metrics: metrics)
  }
}
