import DamTraining
import Foundation
import Testing

/// Loading and saving presets from the interactive controller, in process; formerly end-to-end tests in
/// tmux, with the same assertions.
@Suite("Interactive controller: presets")
struct PresetControllerTests {
  @Test("The picker loads another preset")
  func pickerLoadsPreset() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.chooseFirstPreset(listing: "vanishing-gradients")
    ui.expectScreen("loaded preset adam-vs-sgd")
    ui.quit()
  }

  @Test("A preset that fails to load from the picker shows why, and training goes on")
  func pickerShowsLoadError() throws {
    let ui = try AppRun { folder in
      let presets = folder.appendingPathComponent("presets")
      try FileManager.default.createDirectory(at: presets, withIntermediateDirectories: true)
      try "title = \"Broken\"\n[training]\nlearning_rate = -1\n".write(
        to: presets.appendingPathComponent("aaa-broken.toml"), atomically: true, encoding: .utf8)
    }
    try ui.currentStep()
    ui.chooseFirstPreset(listing: "aaa-broken")
    ui.expectScreen("Cannot load preset aaa-broken")
    ui.send("Escape")
    let (screen, closed) = ui.waitFor { !$0.contains("Cannot load preset") }
    #expect(closed, "\(screen)")
    let step = try ui.currentStep()
    ui.waitForStep(above: step)
    ui.quit()
  }

  @Test("s saves the settings as a valid preset, and never overwrites one silently")
  func saveWritesValidPreset() throws {
    let ui = try AppRun()
    try ui.currentStep()
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    ui.send("s")
    ui.expectScreen("Save settings as a preset")
    ui.send("my-run")
    ui.send("Enter")
    ui.expectScreen("saved preset my-run")
    let file = ui.config.appendingPathComponent("dam-tui/presets/my-run.toml").path
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(!text.contains("learning_rate = 0.01\n"), "the raised learning rate was not saved:\n\(text)")
    ui.send("s")
    ui.expectScreen("Save settings as a preset")
    ui.send("my-run")
    ui.send("Enter")
    ui.expectScreen("Overwrite preset?")
    ui.send("Escape")
    ui.quit()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    // What `dam-tui check FILE` does: resolve the file as a preset, validated like any other.
    #expect(throws: Never.self) { try PresetLibrary().resolve(file) }
  }
}
