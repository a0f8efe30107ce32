import Testing

@testable import DamTraining

@Suite("Headless run")
struct HeadlessRunTests {
  private func preset(_ overrides: [String]) throws -> Preset {
    try Preset(name: "test", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) })
  }

  @Test("It evaluates at step 0 and every eval_every steps, applies changes at their step, and completes")
  func evaluationsAndChanges() throws {
    let change = try ScheduledChange(parsing: "30:training.learning_rate=0.001")
    var run = HeadlessRun(
      trainer: try Trainer(preset: try preset(["run.eval_every=20"])), steps: 50,
      commands: [RecordedCommand(step: change.step, command: .set(change.override))])
    var steps: [Int] = []
    var rates: [Double] = []
    var applied: [RecordedCommand] = []
    let result = try run.run(
      onApplied: { applied.append($0) },
      onEvaluation: { report, _ in
        steps.append(report.step)
        rates.append(report.learningRate)
      })
    #expect(steps == [0, 20, 40])
    #expect(rates == [0.03, 0.03, 0.001])
    #expect(applied.map(\.step) == [30])
    #expect(result.outcome.status == .completed)
    #expect(result.last.step == 50)
    #expect(result.outcome.bestValidationStep != nil)
  }

  @Test("Replaying the recorded commands reproduces every loss bit for bit")
  func replayIsExact() throws {
    let base = try preset(["run.eval_every=10", "model.dropout=0.1"])
    var recorded: [RecordedCommand] = []
    var original: [EvaluationReport] = []
    var first = HeadlessRun(
      trainer: try Trainer(preset: base), steps: 60,
      commands: [
        RecordedCommand(step: 15, command: .set(try PresetOverride(parsing: "training.l2=0.01"))),
        RecordedCommand(step: 25, command: .reinitialize),
        RecordedCommand(step: 40, command: .set(try PresetOverride(parsing: "training.optimizer=sgd"))),
      ])
    _ = try first.run(onApplied: { recorded.append($0) }, onEvaluation: { report, _ in original.append(report) })
    let recording = SessionRecording(
      presetName: base.name, presetText: base.tomlText, seed: base.run.seed, commands: recorded)
    let parsed = try SessionRecording(parsing: recording.text, file: "test")
    var replayed: [EvaluationReport] = []
    var second = HeadlessRun(trainer: try Trainer(preset: base), steps: 60, commands: parsed.commands)
    _ = try second.run(onEvaluation: { report, _ in replayed.append(report) })
    #expect(replayed.map(\.trainingLoss) == original.map(\.trainingLoss))
    #expect(replayed.map(\.validationLoss) == original.map(\.validationLoss))
    #expect(replayed.map(\.step) == original.map(\.step))
  }

  @Test("Every step has one record: evaluations from step 0, then the final weights only in the final record")
  func finalRecordIsNotRepeated() throws {
    var run = HeadlessRun(trainer: try Trainer(preset: try preset(["run.eval_every=1"])), steps: 5)
    var reports: [EvaluationReport] = []
    let result = try run.run(onEvaluation: { report, _ in reports.append(report) })
    #expect(reports.map(\.step) == [0, 1, 2, 3, 4])
    #expect(result.last.step == 5)
    #expect(reports.first?.layers.allSatisfy { $0.gradientNorm > 0 } == true)
  }

  @Test("Each scheduled record and the final one report the layers of the step just taken")
  func recordsReportTheLatestStep() throws {
    let base = try preset(["run.eval_every=10", "model.dropout=0.1"])
    func records(metricsInterval: Int) throws -> [EvaluationReport] {
      var run = HeadlessRun(trainer: try Trainer(preset: base, metricsInterval: metricsInterval), steps: 35)
      var reports: [EvaluationReport] = []
      let result = try run.run(onEvaluation: { report, _ in reports.append(report) })
      return reports + [result.last]
    }
    let sparse = try records(metricsInterval: 8)
    let everyStep = try records(metricsInterval: 1)
    #expect(sparse.map(\.step) == [0, 10, 20, 30, 35])
    #expect(sparse.map(\.layers) == everyStep.map(\.layers))
    #expect(sparse.map(\.trainingLoss) == everyStep.map(\.trainingLoss))
  }

  @Test("A divergence ends the run with status diverged")
  func divergence() throws {
    var run = HeadlessRun(
      trainer: try Trainer(
        preset: try preset([
          "training.optimizer=sgd", "model.activation=linear", "data.dataset=plane", "training.learning_rate=10",
        ])), steps: 2_000)
    let result = try run.run()
    #expect(result.outcome.status == .diverged)
    #expect(result.last.step < 2_000)
  }

  @Test("Asking to stop ends the run with status stopped")
  func stopped() throws {
    var run = HeadlessRun(trainer: try Trainer(preset: try preset([])), steps: 1_000)
    var polls = 0
    let result = try run.run(shouldStop: {
      polls += 1
      return polls > 5
    })
    #expect(result.outcome.status == .stopped)
    #expect(result.last.step == 5)
  }
}
