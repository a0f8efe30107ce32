import Foundation

/// Run directories made by hand, as the run log writes them (`runs/<UTC time>_<preset>/` with
/// `preset.toml`, `metrics.jsonl` and `summary.json`), for the tests of what reads them: complete runs,
/// runs killed mid-way and damaged ones.
public enum RunDirectoryFixture {
  /// A `metrics.jsonl` line (schema 1 of `dam-tui train --jsonl`) for an evaluation at `step`.
  public static func metricsLine(
    step: Int, trainLoss: Double, valLoss: Double, valAccuracy: Double? = nil, findings: [String] = [],
    final: String? = nil
  ) -> String {
    let accuracy = valAccuracy.map { "\($0)" } ?? "null"
    let found = findings.map { "{\"id\":\"\($0)\",\"message\":\"\($0) seen\"}" }.joined(separator: ",")
    var line =
      "{\"schema\":1,\"step\":\(step),\"epoch\":0,\"lr\":0.1,\"train_loss\":\(trainLoss),\"val_loss\":\(valLoss),"
      + "\"reg_loss\":0,\"train_acc\":\(accuracy),\"val_acc\":\(accuracy),\"samples_per_s\":0,\"layers\":[],"
      + "\"findings\":[\(found)]"
    if let final { line += ",\"final\":true,\"status\":\"\(final)\",\"best_val_loss\":null,\"best_val_step\":null" }
    return line + "}"
  }

  /// A `summary.json` (schema 1) of a finished run.
  public static func summary(
    name: String, preset: String, started: String, steps: Int, bestLoss: Double, bestStep: Int,
    valAccuracy: Double?, status: String = "finished", findings: [(name: String, step: Int)] = [],
    changes: [(step: Int, key: String, from: String, to: String)] = []
  ) -> String {
    let accuracy = valAccuracy.map { "\($0)" } ?? "null"
    let fired = findings.map { "{\"name\":\"\($0.name)\",\"step\":\($0.step),\"text\":\"\($0.name) seen\"}" }
    let changed = changes.map {
      "{\"step\":\($0.step),\"key\":\"\($0.key)\",\"from\":\"\($0.from)\",\"to\":\"\($0.to)\"}"
    }
    return
      "{\"schema\":1,\"name\":\"\(name)\",\"preset\":\"\(preset)\",\"command\":\"train\",\"started\":\"\(started)\","
      + "\"ended\":\"\(started)\",\"status\":\"\(status)\",\"steps\":\(steps),\"best_val_loss\":\(bestLoss),"
      + "\"best_val_step\":\(bestStep),\"final\":{\"train_loss\":0.1,\"val_loss\":\(bestLoss),\"train_acc\":\(accuracy),"
      + "\"val_acc\":\(accuracy)},\"findings\":[\(fired.joined(separator: ","))],"
      + "\"changes\":[\(changed.joined(separator: ","))],\"goal\":null,\"branch\":null,\"sibling\":null}"
  }

  /// Writes a run directory `name` under `root`: each file given (nil: left out), `metrics` as lines each
  /// ending with a newline unless `cutShort` (then the last line has none, as after a kill mid-write).
  @discardableResult
  public static func write(
    _ name: String, in root: String, preset: String? = nil, metrics: [String]? = nil, summary: String? = nil,
    cutShort: Bool = false
  ) throws -> String {
    let directory = root + "/" + name
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    if let preset { try Data(preset.utf8).write(to: URL(fileURLWithPath: directory + "/preset.toml")) }
    if let metrics {
      let text = metrics.joined(separator: "\n") + (cutShort || metrics.isEmpty ? "" : "\n")
      try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/metrics.jsonl"))
    }
    if let summary { try Data(summary.utf8).write(to: URL(fileURLWithPath: directory + "/summary.json")) }
    return directory
  }
}
