import DamScreen
import DamTraining
import Testing

@testable import DamUI

@Suite("Lesson card: shown at start over the gradients, tries on 1-9, the summary at the end stop")
struct LessonCardTests {
  private func lessonState(width: Int = 80, height: Int = 24, stopsAtEnd: Bool = true) throws -> AppState {
    var preset = Preset(name: "lesson", source: .builtIn)
    preset.title = "Learning rate too low"
    preset.description = "Every step is tiny.\nRaise the learning rate."
    preset.run.steps = 2000
    preset.lesson = Lesson(
      tries: [LessonTry(settings: [try PresetOverride(parsing: "training.learning_rate=0.1")], reason: "bigger")],
      goal: .atLeast(.validationAccuracy, 0.9))
    return AppState(preset: preset, presets: [], width: width, height: height, stopsAtEnd: stopsAtEnd)
  }

  private func observation(step: Int, accuracy: Double, atEnd: Bool, findings: [Finding] = []) -> LessonObservation {
    let report = EvaluationReport(
      step: step, epoch: 1, learningRate: 0.1, trainingLoss: 0.3, validationLoss: 0.25, regularizationLoss: 0,
      trainingAccuracy: accuracy, validationAccuracy: accuracy, samplesPerSecond: 0, layers: [])
    return LessonObservation(
      step: step, evaluation: report, findings: findings, bestLoss: 0.2, bestStep: 1900, atEnd: atEnd)
  }

  @Test("On 80x24 the card shows the title, the try and the goal, and the loss chart keeps its place")
  func cardAt80x24() throws {
    let state = try lessonState()
    #expect(state.lesson.isCardShown)
    let lines = ViewFixture.screen(state).lines
    let screen = lines.joined(separator: "\n")
    #expect(screen.contains("Learning rate too low"))
    #expect(screen.contains("1 training.learning_rate=0.1: bigger"))
    #expect(screen.contains("goal val_acc >= 0.9: not yet"))
    // The card covers only the gradient panel: the chart's rows are drawn as without it.
    var hidden = state
    _ = reduce(&hidden, .key(.character("t")))
    let without = ViewFixture.screen(hidden).lines
    let chart = state.layout.chart
    for row in chart.y..<chart.maxY { #expect(lines[row] == without[row]) }
    #expect(!without.joined(separator: "\n").contains("goal val_acc"))
  }

  @Test("A number key applies that try as the commands a key press sends; other keys act on the panels")
  func numberKeyAppliesTry() throws {
    var state = try lessonState()
    let effects = press(&state, .character("1"))
    #expect(effects == [.send(.set(try PresetOverride(parsing: "training.learning_rate=0.1")))])
    #expect(press(&state, .character("2")).isEmpty)
    press(&state, .down)
    #expect(state.selectedParameter == .l1)
    press(&state, .character("t"))
    #expect(press(&state, .character("1")).isEmpty, "with the card hidden, numbers apply nothing")
  }

  @Test("g and w uncover the gradient panel the card lies over: g as it is, w with the weights")
  func panelKeysUncoverThePanel() throws {
    var state = try lessonState()
    let view = state.gradientView
    press(&state, .character("g"))
    #expect(!state.lesson.isCardShown && state.gradientView == view && !state.showsWeights)
    press(&state, .character("g"))
    #expect(state.gradientView == view.next, "with the card hidden, g cycles the views")
    var weights = try lessonState()
    press(&weights, .character("w"))
    #expect(!weights.lesson.isCardShown && weights.showsWeights)
  }

  @Test("The goal is met live, and the end stop opens the summary once")
  func endStop() throws {
    var state = try lessonState()
    _ = reduce(&state, .lessonObserved(observation(step: 1000, accuracy: 0.95, atEnd: false)))
    #expect(state.lesson.isMet(.atLeast(.validationAccuracy, 0.9)))
    #expect(ViewFixture.screen(state).lines.joined().contains("goal val_acc >= 0.9: met (now 0.95)"))
    _ = reduce(&state, .key(.character("t")))
    let finding = Finding(id: .overfitting, severity: .warning, evidence: "e", fix: "f")
    _ = reduce(&state, .lessonObserved(observation(step: 2000, accuracy: 0.95, atEnd: true, findings: [finding])))
    #expect(state.lesson.hasEnded)
    #expect(state.lesson.isCardShown)
    #expect(state.runState == .paused)
    let summary = ViewFixture.screen(state).lines.joined(separator: "\n")
    #expect(summary.contains("End of the lesson"))
    #expect(summary.contains("goal val_acc >= 0.9: met"))
    #expect(summary.contains("best validation loss 0.2 at step 1900"))
    #expect(summary.contains("findings: overfitting (step 2000)"))
    #expect(summary.contains("1 training.learning_rate=0.1: bigger"))
  }

  @Test("Without the end stop a paused run past run.steps shows no summary")
  func noStop() throws {
    let state = try lessonState(stopsAtEnd: false)
    #expect(!state.lesson.stopsAtEnd)
    let snapshot = ViewFixture.snapshot(steps: 2500, status: .paused)
    #expect(state.lessonObservation(following: snapshot)?.atEnd != true)
    let stopping = try lessonState()
    #expect(stopping.lessonObservation(following: snapshot)?.atEnd == true)
  }
}
