import DamRunLog
import DamTraining
import Foundation

/// The cost of logging a run: training throughput of the same run (an evaluation every `run.eval_every`
/// steps, each after a measured step, as `dam-tui train` does) without and with a `RunLogger` keeping a
/// run directory, as `dam-tui train` writes it: each evaluation's JSON line to metrics.jsonl, and its
/// scalars, weight and gradient histograms and new findings to the event file (the training thread
/// copies the network; the histograms, the encoding and the write happen on the logger's queue).
///
/// Issue 15's target: at most 2% fewer samples per second on the training thread at the default
/// `eval_every`, the preset's own (`run.eval_every` of the preset file); each preset is also timed at a
/// stricter `eval_every` when its own is larger. The end of a run (final.safetensors and summary.json,
/// written once) is timed apart, in milliseconds.
struct RunLogBenchmark {
  /// The stricter evaluation interval also timed: `run.eval_every`'s default when a preset sets none.
  static let stricterEvalEvery = RunSpec().evalEvery
  /// The fewest evaluation periods a timed round covers.
  static let minimumPeriods = 4
  /// The built-in presets timed: the first lesson, and the largest network of the lessons.
  static let presets = ["default", "digits"]
  /// The most throughput logging may cost at the preset's `eval_every`, in percent.
  static let targetPercent = 2.0

  /// Minimum seconds of one timed round without logging (rounded up to whole evaluation periods).
  var roundSeconds: Double
  /// Timed rounds of each kind, interleaved (the fastest counts).
  var rounds: Int

  /// Times each preset at each interval and prints one line each.
  func run() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dam-bench-runlog-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    print(
      "Run logging overhead (metrics.jsonl, scalars and histograms each evaluation; training-thread CPU time;"
        + " target at most \(Self.targetPercent)% at the preset's eval_every)")
    print(
      "preset    eval_every      steps  plain steps/s  logged steps/s   overhead   logging share (timed alone)"
        + "  end of run")
    for name in Self.presets {
      let own = try PresetLibrary().resolve(name, overrides: []).run.evalEvery
      for evalEvery in own > Self.stricterEvalEvery ? [own, Self.stricterEvalEvery] : [own] {
        try time(name, evalEvery: evalEvery, isDefault: evalEvery == own, in: directory)
      }
    }
  }

  /// Times `name` with evaluations every `evalEvery` steps and prints its line.
  private func time(_ name: String, evalEvery: Int, isDefault: Bool, in directory: URL) throws {
    let preset = try PresetLibrary().resolve(name, overrides: [PresetOverride(parsing: "run.eval_every=\(evalEvery)")])
    let template = try Trainer(preset: preset)
    var steps = evalEvery * Self.minimumPeriods
    while Self.train(template, steps: steps, evalEvery: evalEvery, log: nil).total < roundSeconds { steps *= 2 }
    var plain = Double.infinity
    var logged = (total: Double.infinity, logging: 0.0, finishing: 0.0)
    for _ in 0..<rounds {
      plain = min(plain, Self.train(template, steps: steps, evalEvery: evalEvery, log: nil).total)
      let log = try RunLogger(
        parent: directory.path, preset: preset, command: .train, recordingHeader: "{}",
        warn: { print("warning: \($0)") })
      let run = Self.train(template, steps: steps, evalEvery: evalEvery, log: log)
      if run.total < logged.total { logged = run }
    }
    let overhead = (1 - plain / logged.total) * 100
    let verdict =
      isDefault ? (overhead <= Self.targetPercent ? "  (default: within target)" : "  (default: OVER target)") : ""
    print(
      name.padding(toLength: 10, withPad: " ", startingAt: 0)
        + String(
          format: "%10d %10d  %13.0f  %14.0f   %7.2f%%   %7.2f%%                    %6.2f ms", evalEvery, steps,
          Double(steps) / plain, Double(steps) / logged.total, overhead,
          logged.logging / (logged.total - logged.logging) * 100, logged.finishing * 1000)
        + verdict)
    fflush(nil)
  }

  /// Thread CPU seconds to train a copy of `template` for `steps` steps, evaluating at step 0 and every
  /// `evalEvery` steps after a measured step and encoding its JSON line (as `dam-tui train` does with or
  /// without a log), each evaluation written to `log` when there is one; and the part of them spent
  /// writing to `log`. `log`'s end of run (final.safetensors and summary.json, once per run) is timed
  /// apart, as `finishing`.
  private static func train(
    _ template: Trainer, steps: Int, evalEvery: Int, log: RunLogger?
  ) -> (total: Double, logging: Double, finishing: Double) {
    var trainer = template
    var logging = 0.0
    let started = SessionBenchmark.threadSeconds()
    while true {
      if trainer.step % evalEvery == 0 {
        let report = trainer.evaluate(samplesPerSecond: 0)
        let line = TrainingRecordEncoder.line(report, findings: trainer.findings)
        if let log {
          let logStarted = SessionBenchmark.threadSeconds()
          log.metricsLine(line)
          log.evaluated(report, findings: trainer.findings, network: trainer.network)
          logging += SessionBenchmark.threadSeconds() - logStarted
        }
        if trainer.step >= steps { break }
      }
      trainer.trainStep(measuringLayers: (trainer.step + 1) % evalEvery == 0)
    }
    let total = SessionBenchmark.threadSeconds() - started
    log?.finish(status: .finished, steps: trainer.step, network: trainer.network)
    return (total, logging, SessionBenchmark.threadSeconds() - started - total)
  }
}
