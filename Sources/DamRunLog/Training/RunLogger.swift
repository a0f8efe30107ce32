import DamEngine
import DamTraining

/// Everything a run leaves in its run directory (`RunDirectory`, `RunFileNames`): the preset at the
/// start, the recording and the JSON lines line by line, the TensorBoard events as they happen, and at
/// the end the final weights and `summary.json`.
///
/// Nothing here stops training: a file that cannot be written is reported once through `warn` (stderr
/// for `train`, the status line in the screen) and the run goes on; later writes to it are still tried.
public final class RunLogger {
  /// The run's folder.
  public let directory: RunDirectory
  /// The summary as it stands (its `ended` is nil until `finish`).
  public private(set) var summary: RunSummary
  private let metrics: LineFile?
  private let recording: LineFile?
  private let events: BackgroundEventWriter?
  private var changes: RunChangeLog
  private var findings = RunFindingLog()
  private let warn: (String) -> Void
  private var warned: Set<String> = []

  /// Makes the run's folder in `parent` and starts its files.
  /// - Parameters:
  ///   - started: seconds since the Unix epoch (`RunTime.now()`).
  ///   - recordingHeader: the recording's first line (`SessionRecording.headerLine`).
  ///   - warn: called with a message the first time each file fails.
  /// - Throws: `OutputError` when the folder cannot be made (the caller warns and trains without a log).
  public convenience init(
    parent: String, preset: Preset, command: RunSummary.Command, started: Double = RunTime.now(),
    recordingHeader: String, warn: @escaping (String) -> Void
  ) throws(OutputError) {
    let directory = try RunDirectory.create(in: parent, started: started, preset: preset.name)
    try self.init(
      directory: directory, preset: preset, command: command, started: started,
      recordingHeader: recordingHeader, warn: warn)
  }

  /// Starts the files of a run in `directory`, a new folder (a fork's sibling).
  public init(
    directory: RunDirectory, preset: Preset, command: RunSummary.Command, started: Double,
    recordingHeader: String, warn: @escaping (String) -> Void
  ) throws(OutputError) {
    self.directory = directory
    self.warn = warn
    changes = RunChangeLog(preset: preset)
    summary = RunSummary(
      name: directory.name, preset: preset.name, command: command, started: RunTime.iso8601(started),
      status: .stopped, steps: 0, final: .init(train_loss: nil, val_loss: nil, train_acc: nil, val_acc: nil))
    var problems: [String] = []
    func open(_ name: String) -> LineFile? {
      do {
        return try directory.lineFile(named: name)
      } catch {
        problems.append(error.description)
        return nil
      }
    }
    metrics = open(RunFileNames.metrics)
    recording = open(RunFileNames.recording)
    do {
      events = BackgroundEventWriter(try TrainingEventLog(directory: directory.path))
    } catch {
      events = nil
      problems.append(error.description)
    }
    for problem in problems { report(problem, file: problem) }
    attempt(RunFileNames.preset) { () throws(OutputError) in
      try directory.writeAtomically(named: RunFileNames.preset, text: preset.tomlText)
    }
    record(recordingHeader)
  }

  /// Writes a line of the recording.
  public func record(_ line: String) {
    attempt(RunFileNames.recording) { () throws(SessionError) in try recording?.write(line: line) }
  }

  /// Writes a line of `metrics.jsonl` (the `train --jsonl` schema).
  public func metricsLine(_ line: String) {
    attempt(RunFileNames.metrics) { () throws(SessionError) in try metrics?.write(line: line) }
  }

  /// Notes an applied command: a text event at its step, and the changes for the summary.
  public func applied(_ entry: RecordedCommand) {
    changes.observe(entry)
    summary.changes = changes.changes
    events?.record(entry)
    reportEventFailure()
  }

  /// Notes an evaluation: its scalars and histograms (and new findings as text) in the event file, and
  /// the findings, best point and final metrics for the summary.
  public func evaluated(_ report: EvaluationReport, findings: [Finding], network: Network<Float>) {
    self.findings.observe(findings, step: report.step)
    summary.findings = self.findings.fired
    summary.steps = report.step
    summary.final = .init(
      train_loss: report.trainingLoss, val_loss: report.validationLoss, train_acc: report.trainingAccuracy,
      val_acc: report.validationAccuracy)
    if report.validationLoss.isFinite && report.validationLoss < (summary.best_val_loss ?? .infinity) {
      summary.best_val_loss = report.validationLoss
      summary.best_val_step = report.step
    }
    events?.record(report, findings: findings, network: network)
    reportEventFailure()
  }

  /// Sets the fork fields: this run's branch (`A` or `B`), the other branch's folder name and the step
  /// of the fork.
  public func setBranch(_ branch: String, sibling: String, forkStep: Int) {
    summary.branch = branch
    summary.sibling = sibling
    summary.fork_step = forkStep
  }

  /// Ends the run: writes the final weights and the summary (both atomically).
  /// - Parameters:
  ///   - steps: the session's step count at the end.
  ///   - outcome: the best point and the goal, when the caller tracked them (`HeadlessRun`).
  public func finish(status: RunSummary.Status, steps: Int, network: Network<Float>, outcome: RunOutcome? = nil) {
    events?.drain()
    reportEventFailure()
    attempt(RunFileNames.finalWeights) { () throws(OutputError) in
      try directory.writeAtomically(named: RunFileNames.finalWeights, contents: network.safetensors())
    }
    summary.status = status
    summary.steps = steps
    summary.ended = RunTime.iso8601(RunTime.now())
    if let outcome {
      summary.best_val_loss = outcome.bestValidationLoss
      summary.best_val_step = outcome.bestValidationStep
      if let goal = outcome.goal {
        summary.goal = .init(text: goal.description, met: outcome.goalMet ?? false, value: outcome.goalValue)
      }
    }
    writeSummary()
  }

  /// Writes `summary.json` as the summary stands (again after a fork ends or the session quits).
  public func writeSummary() {
    attempt(RunFileNames.summary) { () throws(OutputError) in
      try directory.writeAtomically(named: RunFileNames.summary, contents: summary.jsonBytes())
    }
  }

  private func reportEventFailure() {
    if let failure = events?.takeFailure() { report(failure.description, file: "events") }
  }

  private func attempt<Failure: Error>(_ file: String, _ work: () throws(Failure) -> Void) {
    do {
      try work()
    } catch {
      report("\(error)", file: file)
    }
  }

  private func report(_ message: String, file: String) {
    guard warned.insert(file).inserted else { return }
    warn("run log \(directory.path): \(message); training goes on")
  }
}
