import DamTraining
import Testing

/// A lesson's own pace (`run.speed`): `exploding-gradients` opens in slow motion, `--speed` wins over it,
/// and picking a preset with `p` applies its pace.
@Suite("Interactive controller: a lesson's pace")
struct LessonPaceTests {
  @Test("exploding-gradients opens at its own pace, 2 steps/s, on the status line")
  func opensAtItsPace() throws {
    let ui = try AppRun(preset: "exploding-gradients")
    ui.expectScreen("2 steps/s")
    ui.send(">")
    ui.expectScreen("5 steps/s")
    ui.quit()
  }

  @Test("An explicit --speed wins over the preset's pace")
  func explicitSpeedWins() throws {
    let ui = try AppRun(preset: "exploding-gradients", speed: try TrainingSpeed(stepsPerSecond: 50))
    let screen = ui.expectScreen("50 steps/s")
    #expect(!screen.contains(" 2 steps/s"), "\(screen)")
    ui.quit()
  }

  @Test("p applies the picked preset's pace, and a preset without one returns to the default")
  func pickerAppliesPace() throws {
    let ui = try AppRun()
    ui.expectScreen("200 steps/s")
    ui.send("p")
    ui.expectScreen("exploding-gradients")
    for _ in 0..<20 { ui.send("k") }
    for _ in 0..<6 { ui.send("j") }
    ui.send("Enter")
    ui.expectScreen("loaded preset exploding-gradients at its own pace, 2 steps/s")
    ui.chooseFirstPreset(listing: "vanishing-gradients")
    ui.expectScreen("loaded preset adam-vs-sgd")
    ui.expectScreen("200 steps/s")
    ui.quit()
  }
}
