import DamData
import Testing

@testable import DamTraining

@Suite("Live data changes")
struct LiveDataChangeTests {
  /// The built-in preset `name` with `overrides`.
  private func builtIn(_ name: String, _ overrides: [String] = []) throws -> Preset {
    let text = try #require(BuiltInPresets.files.first { $0.name == name }).text
    return try Preset.parse(
      Array(text.utf8), name: name, source: .builtIn, file: name,
      overrides: overrides.map { try PresetOverride(parsing: $0) })
  }

  private func set(_ text: String) throws -> Command { .set(try PresetOverride(parsing: text)) }

  @Test(
    "A live data change prepares exactly the data of a fresh run with those settings, and keeps the weights",
    arguments: [
      "data.normalize=\"standard\"", "data.feature_scale=1.0", "data.samples=400", "data.noise=0.3",
      "data.train_fraction=0.7", "data.train_samples=100", "data.augment=0.2", "data.dataset=\"moons\"",
    ])
  func liveChangeEqualsFreshPreparation(_ change: String) throws {
    var trainer = try Trainer(preset: try builtIn("unnormalized-inputs"))
    for _ in 0..<25 { trainer.trainStep() }
    let weights = trainer.network.parameters
    let marker = try trainer.apply(try set(change))
    let fresh = try builtIn("unnormalized-inputs", [change])
    #expect(trainer.data == (try fresh.data.prepare(seed: fresh.run.seed)))
    #expect(trainer.active.data == fresh.data)
    #expect(trainer.network.parameters == weights)
    #expect(trainer.pendingKeys.isEmpty)
    #expect(marker != nil && trainer.history.markers.last?.step == 25)
  }

  @Test("A data change that alters the output waits for re-initialization, which then uses the new data")
  func reshapingChangeWaitsForReinitialization() throws {
    var trainer = try Trainer(preset: try builtIn("unnormalized-inputs"))
    for _ in 0..<10 { trainer.trainStep() }
    let weights = trainer.network.parameters
    let before = trainer.data
    try trainer.apply(try set("data.dataset=\"plane\""))
    #expect(trainer.pendingKeys == ["data.dataset"])
    #expect(trainer.data == before && trainer.network.parameters == weights)
    try trainer.apply(.reinitialize)
    let fresh = try builtIn("unnormalized-inputs", ["data.dataset=\"plane\""])
    #expect(trainer.data == (try fresh.data.prepare(seed: fresh.run.seed)))
    #expect(trainer.network.architecture.head == .regression(outputs: 1))
    #expect(trainer.pendingKeys.isEmpty)
  }

  @Test("Undo of a data change returns to the data prepared before it")
  func undoRestoresData() throws {
    var trainer = try Trainer(preset: try builtIn("unnormalized-inputs"))
    let original = trainer.data
    for _ in 0..<10 { trainer.trainStep() }
    try trainer.apply(try set("data.normalize=\"standard\""))
    #expect(trainer.data != original)
    try trainer.apply(.rewind)
    #expect(trainer.data == original)
    #expect(trainer.history.markers.last?.summary.hasPrefix("undo") == true)
  }

  @Test("A run with data changes replays bit for bit from its recording")
  func replayWithDataChanges() throws {
    let base = try builtIn("unnormalized-inputs", ["run.eval_every=20"])
    let commands = [
      RecordedCommand(step: 30, command: try set("data.normalize=\"standard\"")),
      RecordedCommand(step: 60, command: try set("data.augment=0.1")),
      RecordedCommand(step: 90, command: .rewind),
      RecordedCommand(step: 100, command: try set("data.dataset=\"bump\"")),
      RecordedCommand(step: 100, command: .reinitialize),
    ]
    var recorded: [RecordedCommand] = []
    var original: [EvaluationReport] = []
    var first = HeadlessRun(trainer: try Trainer(preset: base), steps: 140, commands: commands)
    _ = try first.run(onApplied: { recorded.append($0) }, onEvaluation: { report, _ in original.append(report) })
    let recording = SessionRecording(
      presetName: base.name, presetText: base.tomlText, seed: base.run.seed, commands: recorded)
    let parsed = try SessionRecording(parsing: recording.text, file: "test")
    var replayed: [EvaluationReport] = []
    var second = HeadlessRun(trainer: try Trainer(preset: base), steps: 140, commands: parsed.commands)
    _ = try second.run(onEvaluation: { report, _ in replayed.append(report) })
    #expect(recorded.count == commands.count)
    #expect(replayed.map(\.trainingLoss) == original.map(\.trainingLoss))
    #expect(replayed.map(\.validationLoss) == original.map(\.validationLoss))
    #expect(second.trainer.network.parameters == first.trainer.network.parameters)
  }

  @Test("unnormalized-inputs: only normalize = standard at step 0 reaches the validation accuracy of scale 1")
  func normalizingCuresUnnormalizedInputs() throws {
    func finalAccuracy(_ overrides: [String], change: String? = nil) throws -> Double {
      let preset = try builtIn("unnormalized-inputs", overrides)
      let commands = try change.map { [RecordedCommand(step: 0, command: try set($0))] } ?? []
      var run = HeadlessRun(trainer: try Trainer(preset: preset), steps: preset.run.steps, commands: commands)
      return try #require(try run.run().last.validationAccuracy)
    }
    let asShipped = try finalAccuracy([])
    let normalized = try finalAccuracy([], change: "data.normalize=\"standard\"")
    let unscaled = try finalAccuracy(["data.feature_scale=1.0", "data.normalize=\"standard\""])
    #expect(asShipped < 0.8, "the problem shows without normalization: \(asShipped)")
    #expect(normalized >= 0.95, "normalizing alone cures it: \(normalized)")
    #expect(unscaled >= 0.95 && abs(normalized - unscaled) < 0.02, "\(normalized) vs \(unscaled)")
  }
}
