import Testing

@testable import DamTraining

/// `run.speed`: a lesson's own pace on the screen, checked like every other key and kept in the preset's TOML.
struct PresetSpeedTests {
  @Test("run.speed takes steps per second or max, is absent by default, and survives the TOML round trip")
  func parsing() throws {
    let slow = try PresetTestSupport.parse("[run]\nspeed = 4\n")
    #expect(slow.run.speed == (try TrainingSpeed(stepsPerSecond: 4)))
    #expect(try PresetTestSupport.parse("[run]\nspeed = \"max\"\n").run.speed == .maximum)
    #expect(try PresetTestSupport.parse("").run.speed == nil)
    #expect(try PresetTestSupport.parse(slow.tomlText).run.speed == slow.run.speed)
    #expect(slow.tomlText.contains("speed = 4"))
    #expect(!(try PresetTestSupport.parse("").tomlText.contains("speed")))
  }

  @Test("A speed of 0, above the highest limit, fractional or a word other than max names file, line and key")
  func errors() throws {
    for (text, problem) in [
      ("0", "out of range"), ("10000001", "out of range"), ("\"fast\"", "out of range"), ("2.5", "wrong type"),
    ] {
      let diagnostics = PresetTestSupport.diagnostics("[run]\nseed = 1\nspeed = \(text)\n")
      #expect(diagnostics.count == 1)
      let diagnostic = try #require(diagnostics.first)
      #expect(diagnostic.file == "test.toml" && diagnostic.line == 3 && diagnostic.key == "run.speed")
      #expect(diagnostic.message.contains("run.speed = \(text)") && diagnostic.message.contains(problem))
      #expect(
        diagnostic.message.contains("1 to 10000000 steps per second, or \"max\""), "\(diagnostic.message)")
    }
  }

  @Test("exploding-gradients plays at its own slow pace")
  func explodingGradientsPace() throws {
    let preset = try PresetLibrary().resolve("exploding-gradients")
    #expect(preset.run.speed == (try TrainingSpeed(stepsPerSecond: 2)))
  }
}
