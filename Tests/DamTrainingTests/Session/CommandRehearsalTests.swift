import Testing

@testable import DamTraining

@Suite("Commands rehearsed before a run")
struct CommandRehearsalTests {
  private func trainer(_ overrides: [String] = []) throws -> Trainer {
    try Trainer(preset: try PresetTestSupport.parse("[data]\nsamples = 100\n", overrides: overrides))
  }

  private func set(_ step: Int, _ setting: String) throws -> RecordedCommand {
    RecordedCommand(step: step, command: .set(try PresetOverride(parsing: setting)))
  }

  private func problems(_ commands: [RecordedCommand], on trainer: Trainer, lastStep: Int?, headless: Bool)
    -> [String]
  {
    CommandRehearsal.problems(in: commands, on: trainer, lastStep: lastStep, headless: headless) {
      index, message in PresetDiagnostic(file: "command \(index)", message: message)
    }.map(\.description)
  }

  @Test("Settings that apply between steps pass")
  func validSettingsPass() throws {
    let commands = [try set(0, "training.learning_rate=0.1"), try set(10, "model.activation=relu")]
    #expect(problems(commands, on: try trainer(), lastStep: 10, headless: true).isEmpty)
  }

  @Test("A command after the run's last step is a problem naming the allowed steps")
  func pastTheEnd() throws {
    let found = problems([try set(21, "training.l2=0.1")], on: try trainer(), lastStep: 20, headless: true)
    #expect(found == ["command 0: step 21 is after the run's last step: expected a step in 0...20"])
  }

  @Test("Headless, a setting that waits for a re-initialization is a problem; with one recorded it is not")
  func waitsForReinitialization() throws {
    let hidden = try set(5, "model.hidden=[4]")
    let found = problems([hidden], on: try trainer(), lastStep: 20, headless: true)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("command 0: model.hidden waits for a re-initialization") == true)
    let recorded = [hidden, RecordedCommand(step: 5, command: .reinitialize)]
    #expect(problems(recorded, on: try trainer(), lastStep: nil, headless: false).isEmpty)
  }

  @Test("An invalid value is reported by the command's origin, not as a --set")
  func invalidValue() throws {
    let found = problems([try set(3, "training.learning_rate=99")], on: try trainer(), lastStep: 20, headless: true)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("command 0: training.learning_rate = 99 is out of range") == true)
  }

  @Test("A setting is judged after the ones before it: batch size 1 once batch norm is on")
  func judgedInOrder() throws {
    let commands = [try set(2, "training.batch_size=1")]
    #expect(problems(commands, on: try trainer(["model.batch_norm=true"]), lastStep: 20, headless: true).count == 1)
    #expect(problems(commands, on: try trainer(), lastStep: 20, headless: true).isEmpty)
  }
}
