import DamRunLog
import DamTraining
import Foundation

/// One session's run directory (`RunLogger`), written from the session's training queue as it trains
/// (`TrainingObserver`): the recording line by line as `--record` writes it, a `metrics.jsonl` line and
/// the TensorBoard events at each evaluation, and the final weights and `summary.json` at the stop. The
/// screen's thread only makes the folder and writes `journal.md` when the session ends.
///
/// Without a run directory (`--no-log`, or a folder that cannot be made) it still follows the changes and
/// findings the session journal lists. A file that cannot be written is reported once through
/// `warnings` and training goes on.
///
/// Everything is touched while holding `lock` (the training queue writes; the screen's thread reads the
/// changes and findings once the session stopped, and a fork copies the recording so far).
final class SessionLog: TrainingObserver, @unchecked Sendable {
  private struct State {
    var logger: RunLogger?
    var changes: RunChangeLog
    var findings = RunFindingLog()
    /// Every command applied so far, for the recording of a fork.
    var entries: [RecordedCommand] = []
  }

  /// The run directory, if the session has one.
  let directory: RunDirectory?
  private let parent: String?
  private let preset: Preset
  private let header: String
  private let warnings: RunLogWarnings
  private let lock = NSLock()
  private var state: State

  /// Starts the run directory of a session of `preset` in `parent` (none when nil); `warnings` takes
  /// the first problem.
  convenience init(parent: String?, preset: Preset, warnings: RunLogWarnings) {
    let header = SessionRecording(presetName: preset.name, presetText: preset.tomlText, seed: preset.run.seed)
      .headerLine
    let directory: RunDirectory?
    do {
      directory = try parent.map { parent throws(OutputError) in
        try RunDirectory.create(in: parent, started: RunTime.now(), preset: preset.name)
      }
    } catch {
      warnings.warn("run log: \(error.description); training goes on without a run directory")
      directory = nil
    }
    self.init(directory: directory, parent: parent, preset: preset, header: header, warnings: warnings)
  }

  private init(directory: RunDirectory?, parent: String?, preset: Preset, header: String, warnings: RunLogWarnings) {
    self.parent = parent
    self.preset = preset
    self.header = header
    self.warnings = warnings
    var logger: RunLogger?
    if let directory {
      do {
        logger = try RunLogger(
          directory: directory, preset: preset, command: .screen, started: RunTime.now(), recordingHeader: header,
          warn: warnings.warn)
      } catch {
        warnings.warn("run log: \(error.description); training goes on without a run directory")
      }
    }
    self.directory = logger == nil ? nil : directory
    state = State(logger: logger, changes: RunChangeLog(preset: preset))
  }

  /// The changes applied so far, as `summary.json` lists them.
  var changes: [RunSummary.AppliedChange] { withState { $0.changes.changes } }

  /// The findings that fired so far, with their first steps.
  var findings: [RunSummary.FiredFinding] { withState { $0.findings.fired } }

  func applied(_ entry: RecordedCommand) {
    withState { state in
      state.changes.observe(entry)
      state.entries.append(entry)
      state.logger?.record(SessionRecording.line(entry))
      state.logger?.applied(entry)
    }
  }

  func evaluated(_ trainer: Trainer) {
    guard let report = trainer.lastEvaluation else { return }
    let findings = trainer.findings
    withState { state in
      state.findings.observe(findings, step: report.step)
      guard let logger = state.logger else { return }
      logger.metricsLine(TrainingRecordEncoder.line(report, findings: findings))
      logger.evaluated(report, findings: findings, network: trainer.network)
    }
  }

  func stopped(_ trainer: Trainer) {
    let status: RunSummary.Status =
      trainer.diverged ? .diverged : trainer.step >= trainer.preset.run.steps ? .finished : .stopped
    withState { $0.logger?.finish(status: status, steps: trainer.step, network: trainer.network) }
  }

  /// The log of a fork of this session made from `trainer` (called on this session's queue, between two
  /// steps): its run directory is this one's sibling `<name>-B`, whose recording holds this session's
  /// commands so far, so it replays the fork from the start; both summaries name the other branch and the
  /// fork's step.
  func fork(at trainer: Trainer) -> SessionLog {
    withState { state in
      var sibling: RunDirectory?
      if let directory {
        do throws(OutputError) {
          sibling = try directory.sibling(branch: "B")
        } catch {
          warnings.warn("run log: \(error.description); the fork trains without a run directory")
        }
      }
      let fork = SessionLog(directory: sibling, parent: parent, preset: preset, header: header, warnings: warnings)
      for entry in state.entries { fork.applied(entry) }
      if let directory, let sibling = fork.directory {
        state.logger?.setBranch("A", sibling: sibling.name, forkStep: trainer.step)
        fork.withState { $0.logger?.setBranch("B", sibling: directory.name, forkStep: trainer.step) }
      }
      return fork
    }
  }

  /// Writes `journal` as the run directory's `journal.md`, once the session has stopped.
  func write(_ journal: SessionJournal) {
    guard let directory else { return }
    do {
      try journal.write(inRunDirectory: directory.path)
    } catch {
      warnings.warn("run log \(directory.path): \(error.description)")
    }
  }

  private func withState<Result>(_ body: (inout State) -> Result) -> Result {
    lock.lock()
    defer { lock.unlock() }
    return body(&state)
  }
}
