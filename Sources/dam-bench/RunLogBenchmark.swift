import DamRunLog
import DamTraining
import Foundation

/// The cost of TensorBoard logging: training throughput of the same run (evaluations every
/// `run.eval_every` steps at its default, each after a measured step, as `dam-tui train` does) without
/// and with a `RunLogger` keeping a run directory: each evaluation's scalars and weight and gradient
/// histograms built on the training thread and written to the event file on its background queue, as
/// `dam-tui train` does. The target is at most 2% fewer samples per second on the training thread.
struct RunLogBenchmark {
  /// Steps between evaluations: `run.eval_every`'s default.
  static let evalEvery = RunSpec().evalEvery
  /// The fewest evaluation periods a timed round covers.
  static let minimumPeriods = 4
  /// The built-in presets timed: the first lesson, and the largest network of the lessons.
  static let presets = ["default", "digits"]

  /// Minimum seconds of one timed round without logging (rounded up to whole evaluation periods).
  var roundSeconds: Double
  /// Timed rounds of each kind, interleaved (the fastest counts).
  var rounds: Int

  /// Times each preset and prints one line each.
  func run() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dam-bench-runlog-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    print(
      "TensorBoard logging overhead (eval_every \(Self.evalEvery), scalars and histograms each evaluation, thread CPU time)"
    )
    print("preset       steps  plain steps/s  logged steps/s   overhead   logging share (timed alone)")
    for name in Self.presets {
      let preset = try PresetLibrary().resolve(
        name, overrides: [PresetOverride(parsing: "run.eval_every=\(Self.evalEvery)")])
      let template = try Trainer(preset: preset)
      var steps = Self.evalEvery * Self.minimumPeriods
      while Self.train(template, steps: steps, log: nil).total < roundSeconds { steps *= 2 }
      var plain = Double.infinity
      var logged = (total: Double.infinity, logging: 0.0)
      for _ in 0..<rounds {
        plain = min(plain, Self.train(template, steps: steps, log: nil).total)
        let log = try RunLogger(
          parent: directory.path, preset: preset, command: .train, recordingHeader: "{}",
          warn: { print("warning: \($0)") })
        let run = Self.train(template, steps: steps, log: log)
        if run.total < logged.total { logged = run }
      }
      print(
        name.padding(toLength: 10, withPad: " ", startingAt: 0)
          + String(
            format: "%8d  %13.0f  %14.0f   %7.2f%%   %7.2f%%", steps, Double(steps) / plain,
            Double(steps) / logged.total, (1 - plain / logged.total) * 100,
            logged.logging / (logged.total - logged.logging) * 100))
      fflush(nil)
    }
  }

  /// Thread CPU seconds to train a copy of `template` for `steps` steps, evaluating at step 0 and every
  /// `evalEvery` steps after a measured step, each evaluation written to `log` when there is one; and
  /// the part of them spent writing to `log`.
  private static func train(
    _ template: Trainer, steps: Int, log: RunLogger?
  ) -> (total: Double, logging: Double) {
    var trainer = template
    var logging = 0.0
    let started = SessionBenchmark.threadSeconds()
    while true {
      if trainer.step % evalEvery == 0 {
        let report = trainer.evaluate(samplesPerSecond: 0)
        if let log {
          let logStarted = SessionBenchmark.threadSeconds()
          log.evaluated(report, findings: trainer.findings, network: trainer.network)
          logging += SessionBenchmark.threadSeconds() - logStarted
        }
        if trainer.step >= steps {
          log?.finish(status: .finished, steps: trainer.step, network: trainer.network)
          break
        }
      }
      trainer.trainStep(measuringLayers: (trainer.step + 1) % evalEvery == 0)
    }
    return (SessionBenchmark.threadSeconds() - started, logging)
  }
}
