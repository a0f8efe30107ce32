import DamEngine
import Testing

@testable import DamTraining

@Suite("Lesson goals: parsing, judging, and the zero share of first-layer weights")
struct LessonGoalTests {
  private func report(step: Int = 100, validationAccuracy: Double? = 0.8, zeroShare: Double? = nil) -> EvaluationReport
  {
    var report = EvaluationReport(
      step: step, epoch: 1, learningRate: 0.1, trainingLoss: 0.3, validationLoss: 0.4, regularizationLoss: 0,
      trainingAccuracy: 0.9, validationAccuracy: validationAccuracy, samplesPerSecond: 0, layers: [])
    report.firstLayerZeroShare = zeroShare
    return report
  }

  private func finding(_ id: FindingID) -> Finding {
    Finding(id: id, severity: .warning, evidence: "e", fix: "f")
  }

  @Test(
    "Each text form parses and is written back the same",
    arguments: [
      "val_acc >= 0.95", "val_loss <= 0.4", "first_layer_zero_share >= 0.5", "finding overfitting",
      "no finding diverged", "best_val_loss <= 0.3",
    ])
  func roundTrip(text: String) throws {
    #expect(try LessonGoal(parsing: text).description == text)
  }

  @Test("A metric bound is judged on the latest evaluation; nil or missing values are not met")
  func metricBound() throws {
    let progress = LessonProgress()
    let goal = try LessonGoal(parsing: "val_acc >= 0.8")
    #expect(progress.isMet(goal, report: report(validationAccuracy: 0.8), best: nil))
    #expect(!progress.isMet(goal, report: report(validationAccuracy: 0.79), best: nil))
    #expect(!progress.isMet(goal, report: report(validationAccuracy: nil), best: nil))
    #expect(!progress.isMet(goal, report: nil, best: nil))
    let best = try LessonGoal(parsing: "best_val_loss <= 0.3")
    #expect(progress.isMet(best, report: report(), best: 0.25))
    #expect(!progress.isMet(best, report: report(), best: 0.35))
  }

  @Test("finding X holds once X fired; no finding X holds until X fires after the last try")
  func findingGoals() throws {
    var progress = LessonProgress()
    let fires = LessonGoal.fires(.overfitting)
    let never = LessonGoal.neverFires(.overfitting)
    progress.observe(step: 100, findings: [finding(.underfitting)])
    #expect(!progress.isMet(fires, report: report(), best: nil))
    #expect(progress.isMet(never, report: report(), best: nil))
    progress.observe(step: 200, findings: [finding(.overfitting)])
    progress.observe(step: 300, findings: [])
    #expect(progress.isMet(fires, report: report(), best: nil))
    #expect(!progress.isMet(never, report: report(), best: nil))
    progress.judge(from: 350)
    #expect(progress.isMet(never, report: report(), best: nil))
    #expect(progress.fired == [.init(id: .underfitting, step: 100), .init(id: .overfitting, step: 200)])
  }

  @Test("The zero share counts first-layer weights within 1e-3 of zero")
  func zeroShare() throws {
    #expect(Trainer.zeroShare([0, 0.001, -0.001, 0.0011, 1]) == 0.6)
    #expect(Trainer.zeroShare([]) == nil)
    let goal = try LessonGoal(parsing: "first_layer_zero_share >= 0.5")
    #expect(LessonProgress().isMet(goal, report: report(zeroShare: 0.6), best: nil))
  }

  @Test("Evaluations report the zero share of the first layer's weights")
  func evaluationReportsZeroShare() throws {
    var preset = try PresetLibrary().resolve("default")
    preset.model.initializer.kind = .zeros
    var trainer = try Trainer(preset: preset)
    #expect(trainer.evaluate(samplesPerSecond: 0).firstLayerZeroShare == 1)
  }
}
