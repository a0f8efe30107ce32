import DamTraining
import Testing

/// Every built-in lesson, in the whole controller as a student meets it: the card shows the lesson's
/// title, its first try is applied with key 1 (at one step per second, so it lands near step 0, as the
/// headless goal tests apply it), the run is sped up so that it lasts about 3 s, the card reports the
/// goal met, and the session stops at `run.steps` with the summary.
@Suite("Lessons on screen")
struct LessonScreenTests {
  @Test(
    "Open the lesson, apply its first try with 1, see the goal met before the end stop",
    arguments: [
      "adam-vs-sgd", "augmentation", "batch-norm", "default", "digits", "dropout-cures-overfitting",
      "exploding-gradients", "he-init-for-relu", "initialization", "l1-sparsity", "l2-cures-overfitting",
      "learning-rate-too-high",
      "learning-rate-too-low", "minimum", "more-data", "overfitting", "unnormalized-inputs", "vanishing-gradients",
      "zero-init-symmetry",
    ])
  func lesson(name: String) throws {
    let preset = try PresetLibrary().resolve(name)
    let goal = try #require(preset.lesson.goal)
    let ui = try AppRun(preset: name, speed: try TrainingSpeed(stepsPerSecond: 1), stopsAtEnd: true)
    ui.expectScreen(String(preset.title.prefix(40)))
    ui.expectScreen("goal \(goal): not yet")
    ui.send("1")
    ui.expectScreen("try 1: ")
    // Fast, yet slow enough that the whole lesson takes about 3 s or more: a goal met only late in a
    // short lesson shows on the card for many frames, not between two looks at the screen.
    let speed = TrainingSpeed.ladder.last { $0 <= max(1, preset.run.steps / 3) } ?? 1
    for _ in 0..<(TrainingSpeed.ladder.firstIndex(of: speed) ?? 0) { ui.send(">") }
    ui.expectScreen("| \(speed) steps/s |")
    let (live, _) = ui.waitFor(timeout: 300) {
      $0.contains("goal \(goal): met") || $0.contains("End of the lesson")
    }
    #expect(!live.contains("End of the lesson"), "the card never reported the goal met before the end:\n\(live)")
    let summary = ui.expectScreen("End of the lesson", timeout: 300)
    #expect(summary.contains("goal \(goal): met"), "\(summary)")
    ui.quit()
  }
}
