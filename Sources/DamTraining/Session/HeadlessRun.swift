import Dispatch

/// A run without a screen: `dam-tui train` and `dam-tui replay`. It trains on the calling thread, applies
/// each command exactly at its step, evaluates at step 0, every `run.eval_every` steps, after every change
/// of weights and after a divergence, and reports each evaluation and then the outcome with the
/// evaluation of the final weights. Per-layer metrics are measured on the trainer's cadence and on every
/// step that ends at a scheduled evaluation or at the last step, so those records report the layers of
/// the step just taken.
///
/// The run ends at `steps`, at a `stop` command, when `shouldStop` returns true (status `stopped`), or at a
/// divergence unless a command applied at that very step (a recorded `rewind`) restored finite weights.
public struct HeadlessRun {
  /// The trainer being driven.
  public private(set) var trainer: Trainer
  /// The step the run ends at.
  public let steps: Int
  /// The findings seen so far, for the lesson's goal.
  public private(set) var lessonProgress = LessonProgress()
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
  ///   - afterEvaluation: the trainer just after `onEvaluation` (its network as evaluated, for histograms).
  ///   - onProgress: called every 64 steps with the trainer (for a progress bar).
  ///   - shouldStop: polled every step; true ends the run as `stopped`.
  /// - Returns: how the run ended, and the evaluation of the final weights with its findings.
  /// - Throws: `SessionError` when a command cannot be applied, or a callback throws one.
  public mutating func run(
    onApplied: (RecordedCommand) throws(SessionError) -> Void = { _ in },
    onEvaluation: (EvaluationReport, [Finding]) throws(SessionError) -> Void = { _, _ in },
    afterEvaluation: (Trainer) -> Void = { _ in },
    onProgress: (Trainer) -> Void = { _ in },
    shouldStop: () -> Bool = { false }
  ) throws(SessionError) -> (outcome: RunOutcome, last: EvaluationReport, findings: [Finding]) {
    var next = 0
    var lastEvaluationStep = -1
    var samples = 0
    // Training time is read from the clock at the ends of each stretch of steps, not around every step.
    var trainingNanoseconds: UInt64 = 0
    var stretchStarted = DispatchTime.now().uptimeNanoseconds
    var stopCommand = false
    while true {
      if !stopCommand, next < commands.count, commands[next].step <= trainer.step {
        trainingNanoseconds += DispatchTime.now().uptimeNanoseconds - stretchStarted
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
        stretchStarted = DispatchTime.now().uptimeNanoseconds
      }
      let evalEvery = trainer.preset.run.evalEvery
      var report: EvaluationReport?
      if lastEvaluationStep != trainer.step
        && (trainer.needsEvaluation || trainer.diverged || trainer.step % evalEvery == 0)
      {
        trainingNanoseconds += DispatchTime.now().uptimeNanoseconds - stretchStarted
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
          trainingNanoseconds += DispatchTime.now().uptimeNanoseconds - stretchStarted
          let seconds = Double(trainingNanoseconds) / 1e9
          trainer.evaluate(samplesPerSecond: seconds > 0 ? Double(samples) / seconds : 0)
        }
        lessonProgress.observe(step: trainer.step, findings: trainer.findings)
        var outcome = RunOutcome(
          status: status, bestValidationLoss: trainer.best?.loss, bestValidationStep: trainer.best?.step)
        if let goal = trainer.preset.lesson.goal {
          outcome.goal = goal
          outcome.goalMet = lessonProgress.isMet(goal, report: trainer.lastEvaluation, best: trainer.best?.loss)
          outcome.goalValue = goal.metric?.value(in: trainer.lastEvaluation, best: trainer.best?.loss)
        }
        return (outcome, trainer.lastEvaluation!, trainer.findings)
      }
      if let report {
        lessonProgress.observe(step: report.step, findings: trainer.findings)
        try onEvaluation(report, trainer.findings)
        afterEvaluation(trainer)
        stretchStarted = DispatchTime.now().uptimeNanoseconds
      }
      // The step that ends at an evaluation (or at the end) measures the layers the record reports.
      let nextStep = trainer.step + 1
      trainer.trainStep(measuringLayers: nextStep % evalEvery == 0 || nextStep >= steps)
      samples += min(trainer.network.hyperparameters.batchSize, trainer.data.train.count)
      if trainer.step % 64 == 0 { onProgress(trainer) }
    }
  }
}
