import DamEngine
import DamRunLog
import DamTraining
import Dispatch
import Foundation

/// The run directory of each sweep trial, `<UTC date-time>_<preset>_trial-007/` in the sweep's
/// `--log-dir` (`runs/` by default), as `dam-tui train` writes one: `preset.toml` (the trial's settings),
/// `metrics.jsonl` and the TensorBoard events per evaluation, and after each rung the weights and
/// `summary.json`. The recording ends with a `stop` at the trial's last step once it is done, so
/// `dam-tui replay` trains it again bit for bit. A folder or file that cannot be written is reported on
/// standard error once per trial, and the sweep goes on.
///
/// The files are written on a serial queue per trial, off the threads that train: a trial's atomic files
/// wait for the disk (`fsync`), and many short trials would otherwise spend most of their time waiting.
/// `waitUntilWritten()` waits for every queue.
final class SweepTrialLogs: TrialLogs, @unchecked Sendable {
  private let parent: String
  private let digits: Int
  private let written = DispatchGroup()
  // `lock` guards the dictionary; each trial's folder is written only on its own queue.
  private let lock = NSLock()
  private var trials: [Int: TrialDirectory] = [:]

  /// Logs the trials of a sweep of `count` trials in `parent`, numbered from 0 as the board numbers them.
  init(parent: String, count: Int) {
    self.parent = parent
    digits = max(3, String(count - 1).count)
  }

  func evaluated(trial: Int, trainer: Trainer) {
    guard let report = trainer.lastEvaluation else { return }
    let findings = trainer.findings
    let network = trainer.network
    let directory = self.directory(of: trial, preset: trainer.preset)
    directory.queue.async(group: written) { directory.evaluated(report, findings: findings, network: network) }
  }

  func rungEnded(trial: Int, trainer: Trainer, outcome: RunOutcome) {
    let directory = self.directory(of: trial, preset: trainer.preset)
    let (steps, network) = (trainer.step, trainer.network)
    directory.queue.async(group: written) { directory.finish(steps: steps, network: network, outcome: outcome) }
  }

  func trialEnded(trial: Int, steps: Int) {
    guard let directory = withTrials({ $0.removeValue(forKey: trial) }) else { return }
    directory.queue.async(group: written) { directory.stop(at: steps) }
  }

  /// Waits until every trial's files are written.
  func waitUntilWritten() {
    written.wait()
  }

  /// The folder of `trial`, started (on its queue) the first time.
  private func directory(of trial: Int, preset: Preset) -> TrialDirectory {
    withTrials { trials in
      if let directory = trials[trial] { return directory }
      let number = String(trial)
      let label = "trial-" + String(repeating: "0", count: max(0, digits - number.count)) + number
      let directory = TrialDirectory(label: label)
      let (parent, started) = (parent, RunTime.now())
      directory.queue.async(group: written) { directory.start(in: parent, started: started, preset: preset) }
      trials[trial] = directory
      return directory
    }
  }

  private func withTrials<Result>(_ body: (inout [Int: TrialDirectory]) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&trials)
  }
}

/// One trial's run directory, used only on `queue`.
private final class TrialDirectory: @unchecked Sendable {
  let queue = DispatchQueue(label: "dam-tui.sweep.trial-log")
  private let label: String
  private var logger: RunLogger?
  private var lastStep = -1

  init(label: String) {
    self.label = label
  }

  /// Makes the folder and starts its files, or warns why not.
  func start(in parent: String, started: Double, preset: Preset) {
    let header = SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed)
      .headerLine
    let label = label
    let warn = { (message: String) in StandardError.report("warning: \(label): " + message) }
    do {
      let directory = try RunDirectory.create(in: parent, started: started, preset: preset.name + "_" + label)
      logger = try RunLogger(
        directory: directory, preset: preset, command: .sweepTrial, started: started, recordingHeader: header,
        warn: warn)
    } catch {
      warn("run log: \(error.description); the trial trains without a run directory")
    }
  }

  /// Writes an evaluation, unless its step was written already (a trial that trains on evaluates its
  /// first step again).
  func evaluated(_ report: EvaluationReport, findings: [Finding], network: Network<Float>) {
    guard let logger, report.step > lastStep else { return }
    lastStep = report.step
    logger.metricsLine(TrainingRecordEncoder.line(report, findings: findings))
    logger.evaluated(report, findings: findings, network: network)
  }

  /// Writes the weights and the summary at the end of a rung.
  func finish(steps: Int, network: Network<Float>, outcome: RunOutcome) {
    logger?.finish(
      status: RunSummary.Status(outcome.status, interrupted: outcome.status == .stopped), steps: steps,
      network: network, outcome: outcome)
  }

  /// Ends the recording with a `stop` at `steps`.
  func stop(at steps: Int) {
    logger?.record(SessionRecording.line(RecordedCommand(step: steps, command: .stop)))
  }
}
