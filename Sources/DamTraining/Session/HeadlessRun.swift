import Dispatch

/// A run without a screen: `dam-tui train` and `dam-tui replay`. It trains on the calling thread, applies
/// each command exactly at its step, evaluates at step 0, every `run.eval_every` steps, after every change
/// of weights and after a divergence, and reports each evaluation and then the outcome with the
/// evaluation of the final weights.
///
/// The run ends at `steps`, at a `stop` command, when `shouldStop` returns true (status `stopped`), or at a
/// divergence unless a command applied at that very step (a recorded `rewind`) restored finite weights.
public struct HeadlessRun {
  /// The trainer being driven.
  public private(set) var trainer: Trainer
  /// The step the run ends at.
  public let steps: Int
  private let commands: [RecordedCommand]

  /// A run of `trainer` to `steps`, applying `commands` (in order, each when the session step reaches its
  /// step). `pause`, `resume` and `step` commands do not change the result and are skipped.
  public init(trainer: Trainer, steps: Int, commands: [RecordedCommand] = []) {
    self.trainer = trainer
    self.steps = steps
    self.commands = commands
  }

  /// Runs to the end.
  ///
  /// Every evaluation but the one of the final weights goes to `onEvaluation`; the final weights are
  /// evaluated once (at the end if their step was not due) and returned as `last`, the final record, so
  /// no step is reported twice.
  /// - Parameters:
  ///   - onApplied: every applied command, with its step (for `--record`).
  ///   - onEvaluation: every evaluation before the final one, with the findings at that point.
  ///   - onProgress: called every 64 steps with the trainer (for a progress bar).
  ///   - shouldStop: polled every step; true ends the run as `stopped`.
  /// - Returns: how the run ended, and the evaluation of the final weights with its findings.
  /// - Throws: `SessionError` when a command cannot be applied, or a callback throws one.
  public mutating func run(
    onApplied: (RecordedCommand) throws(SessionError) -> Void = { _ in },
    onEvaluation: (EvaluationReport, [Finding]) throws(SessionError) -> Void = { _, _ in },
    onProgress: (Trainer) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
  ) throws(SessionError) -> (outcome: RunOutcome, last: EvaluationReport, findings: [Finding]) {
    var next = 0
    var lastEvaluationStep = -1
    var samples = 0
    var trainingNanoseconds: UInt64 = 0
    var stopCommand = false
    while true {
      while !stopCommand, next < commands.count, commands[next].step <= trainer.step {
        let entry = commands[next]
        next += 1
        switch entry.command {
        case .pause, .resume, .step: continue
        case .stop: stopCommand = true
        case .set, .reinitialize, .resetToPreset, .rewind: try trainer.apply(entry.command)
        }
        try onApplied(RecordedCommand(step: trainer.step, command: entry.command))
      }
      var report: EvaluationReport?
      if lastEvaluationStep != trainer.step
        && (trainer.needsEvaluation || trainer.diverged || trainer.step % trainer.preset.run.evalEvery == 0)
      {
        let seconds = Double(trainingNanoseconds) / 1e9
        report = trainer.evaluate(samplesPerSecond: seconds > 0 ? Double(samples) / seconds : 0)
        lastEvaluationStep = trainer.step
        samples = 0
        trainingNanoseconds = 0
      }
      let status: RunStatus? =
        stopCommand
        ? (trainer.step >= steps ? .completed : .stopped)
        : trainer.diverged
          ? .diverged
          : trainer.step >= steps
            ? .completed
            : shouldStop() ? .stopped : nil
      if let status {
        if lastEvaluationStep != trainer.step {
          let seconds = Double(trainingNanoseconds) / 1e9
          trainer.evaluate(samplesPerSecond: seconds > 0 ? Double(samples) / seconds : 0)
        }
        let outcome = RunOutcome(
          status: status, bestValidationLoss: trainer.best?.loss, bestValidationStep: trainer.best?.step)
        return (outcome, trainer.lastEvaluation!, trainer.findings)
      }
      if let report { try onEvaluation(report, trainer.findings) }
      let started = DispatchTime.now().uptimeNanoseconds
      trainer.trainStep()
      trainingNanoseconds += DispatchTime.now().uptimeNanoseconds - started
      samples += min(trainer.network.hyperparameters.batchSize, trainer.data.train.count)
      if trainer.step % 64 == 0 { onProgress(trainer) }
    }
  }
}
