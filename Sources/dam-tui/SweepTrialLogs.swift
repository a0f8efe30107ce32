import DamRunLog
import DamTraining
import Foundation

/// The run directory of each sweep trial, `<UTC date-time>_<preset>_trial-007/` in the sweep's
/// `--log-dir` (`runs/` by default), as `dam-tui train` writes one: `preset.toml` (the trial's settings),
/// `metrics.jsonl` and the TensorBoard events per evaluation, and after each rung the weights and
/// `summary.json`. The recording ends with a `stop` at the trial's last step once it is done, so
/// `dam-tui replay` trains it again bit for bit. A folder or file that cannot be written is reported on
/// standard error once per trial, and the sweep goes on.
final class SweepTrialLogs: TrialLogs, @unchecked Sendable {
  /// One trial's logger and the last step it logged (a trial that trains on evaluates its first step
  /// again).
  private struct Trial {
    var logger: RunLogger?
    var lastStep = -1
  }

  private let parent: String
  private let digits: Int
  // Each trial's entry is used by one thread at a time (`TrialLogs`); `lock` guards the dictionary.
  private let lock = NSLock()
  private var trials: [Int: Trial] = [:]

  /// Logs the trials of a sweep of `count` trials in `parent`, numbered from 0 as the board numbers them.
  init(parent: String, count: Int) {
    self.parent = parent
    digits = max(3, String(count - 1).count)
  }

  func evaluated(trial: Int, trainer: Trainer) {
    guard let report = trainer.lastEvaluation else { return }
    var entry = withTrials { $0[trial] } ?? Trial(logger: start(trial, preset: trainer.preset))
    if report.step > entry.lastStep, let logger = entry.logger {
      logger.metricsLine(TrainingRecordEncoder.line(report, findings: trainer.findings))
      logger.evaluated(report, findings: trainer.findings, network: trainer.network)
    }
    entry.lastStep = max(entry.lastStep, report.step)
    withTrials { $0[trial] = entry }
  }

  func rungEnded(trial: Int, trainer: Trainer, outcome: RunOutcome) {
    guard let logger = withTrials({ $0[trial]?.logger }) else { return }
    logger.finish(
      status: RunSummary.Status(outcome.status, interrupted: outcome.status == .stopped), steps: trainer.step,
      network: trainer.network, outcome: outcome)
  }

  func trialEnded(trial: Int, steps: Int) {
    guard let logger = withTrials({ $0.removeValue(forKey: trial)?.logger }) else { return }
    logger.record(SessionRecording.line(RecordedCommand(step: steps, command: .stop)))
  }

  /// Makes the trial's folder, or nil (after a warning) when it cannot be made.
  private func start(_ trial: Int, preset: Preset) -> RunLogger? {
    let number = String(trial)
    let label = "trial-" + String(repeating: "0", count: max(0, digits - number.count)) + number
    let header = SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed)
      .headerLine
    let warn = { (message: String) in StandardError.report("warning: \(label): " + message) }
    do {
      let started = RunTime.now()
      let directory = try RunDirectory.create(in: parent, started: started, preset: preset.name + "_" + label)
      return try RunLogger(
        directory: directory, preset: preset, command: .sweepTrial, started: started, recordingHeader: header,
        warn: warn)
    } catch {
      warn("run log: \(error.description); the trial trains without a run directory")
      return nil
    }
  }

  private func withTrials<Result>(_ body: (inout [Int: Trial]) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&trials)
  }
}
