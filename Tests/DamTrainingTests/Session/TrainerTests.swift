import DamEngine
import Testing

@testable import DamTraining

@Suite("Trainer")
struct TrainerTests {
  private func preset(_ overrides: [String] = []) throws -> Preset {
    try Preset(name: "test", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) })
  }

  private func losses(_ trainer: inout Trainer, steps: Int) -> [Double] {
    (0..<steps).map { _ in trainer.trainStep().dataLoss }
  }

  @Test("The same preset and seed give bit-identical losses; another seed does not")
  func deterministic() throws {
    var first = try Trainer(preset: try preset(["model.dropout=0.2", "data.augment=0.1"]))
    var second = try Trainer(preset: try preset(["model.dropout=0.2", "data.augment=0.1"]))
    var other = try Trainer(preset: try preset(["model.dropout=0.2", "data.augment=0.1", "run.seed=2"]))
    let reference = losses(&first, steps: 60)
    #expect(losses(&second, steps: 60) == reference)
    #expect(losses(&other, steps: 60) != reference)
    #expect(first.evaluate(samplesPerSecond: 0) == second.evaluate(samplesPerSecond: 0))
  }

  @Test("Step 0 reports the metrics of the first step on the initial weights, and measuring them changes no loss")
  func initialMetrics() throws {
    let settings = ["model.dropout=0.2", "data.augment=0.1"]
    var measured = try Trainer(preset: try preset(settings))
    var untouched = try Trainer(preset: try preset(settings))
    let initial = measured.evaluate(samplesPerSecond: 0)
    #expect(initial.layers.allSatisfy { $0.gradientNorm > 0 && $0.weightNorm > 0 && $0.updateRatio > 0 })
    #expect(initial.layers.allSatisfy { $0.activationStd > 0 })
    #expect(measured.trainStep().dataLoss == untouched.trainStep().dataLoss)
    #expect(initial.layers == measured.network.layerMetrics)
    #expect(losses(&measured, steps: 20) == losses(&untouched, steps: 20))
  }

  @Test("Per-layer metrics are measured every metricsInterval updates and on request, without changing a loss")
  func metricsCadence() throws {
    let settings = ["model.dropout=0.2", "data.augment=0.1"]
    var sparse = try Trainer(preset: try preset(settings), metricsInterval: 8)
    var every = try Trainer(preset: try preset(settings), metricsInterval: 1)
    let measured = (0..<40).map { _ in sparse.trainStep().measuredLayers }
    #expect(measured == (0..<40).map { $0 % 8 == 0 })
    #expect(losses(&every, steps: 40) == sparse.history.trainingLoss.buckets.map(\.sum))
    #expect(sparse.history.gradientNorms.map(\.pointCount) == [5, 5, 5])
    #expect(every.history.gradientNorms.map(\.pointCount) == [40, 40, 40])
    #expect(sparse.window.stepCount == 40 && sparse.window.layerSampleCount == 5)
    #expect(sparse.layerMetrics != every.layerMetrics)
    #expect(sparse.trainStep(measuringLayers: true).measuredLayers)
    every.trainStep()
    #expect(sparse.layerMetrics == every.layerMetrics)
    #expect(sparse.network.snapshot().parameters == every.network.snapshot().parameters)
    #expect(!sparse.trainStep().measuredLayers)
  }

  @Test("Until a step on new weights measures its layers, the trial step's metrics stand")
  func trialMetricsUntilMeasured() throws {
    var trainer = try Trainer(preset: try preset(), metricsInterval: 0)
    let initial = trainer.evaluate(samplesPerSecond: 0)
    #expect(initial.layers.allSatisfy { $0.gradientNorm > 0 })
    trainer.trainStep()
    #expect(trainer.layerMetrics == initial.layers)
    #expect(trainer.history.gradientNorms.map(\.pointCount) == [0, 0, 0])
    trainer.trainStep(measuringLayers: true)
    #expect(trainer.layerMetrics != initial.layers)
    #expect(trainer.history.gradientNorms.map(\.pointCount) == [1, 1, 1])
  }

  @Test("Training lowers the loss, and the epoch counts passes over the training split")
  func learns() throws {
    var trainer = try Trainer(preset: try preset(["training.batch_size=50"]))
    let initial = trainer.evaluate(samplesPerSecond: 0)
    for _ in 0..<300 { trainer.trainStep() }
    let later = trainer.evaluate(samplesPerSecond: 0)
    #expect(later.trainingLoss < initial.trainingLoss * 0.8)
    #expect(trainer.step == 300)
    #expect(trainer.epoch == 300 * 50 / trainer.data.train.count - (300 * 50 % trainer.data.train.count == 0 ? 1 : 0))
    #expect(trainer.history.trainingLoss.pointCount == 300)
    #expect(trainer.history.validationLoss.pointCount == 2)
  }

  @Test("A setting change applies at once, leaves a marker and can be undone by rewind")
  func setAndUndo() throws {
    var trainer = try Trainer(preset: try preset())
    for _ in 0..<10 { trainer.trainStep() }
    let marker = try trainer.apply(.set(try PresetOverride(parsing: "training.learning_rate=0.001")))
    #expect(marker?.label == "lr 0.03 -> 0.001 @ 10")
    #expect(trainer.network.hyperparameters.learningRate == 0.001)
    #expect(trainer.pendingKeys.isEmpty)
    let undo = try trainer.apply(.rewind)
    #expect(undo?.summary == "undo: lr 0.001 -> 0.03")
    #expect(trainer.network.hyperparameters.learningRate == 0.03)
    #expect(throws: SessionError.self) { try trainer.apply(.rewind) }
    #expect(trainer.history.markers.count == 2)
  }

  @Test("Model settings wait for re-initialization")
  func pendingUntilReinitialize() throws {
    var trainer = try Trainer(preset: try preset())
    try trainer.apply(.set(try PresetOverride(parsing: "model.hidden=[4]")))
    #expect(trainer.pendingKeys == ["model.hidden"])
    #expect(trainer.network.architecture.hidden == [16, 16])
    try trainer.apply(.reinitialize)
    #expect(trainer.network.architecture.hidden == [4])
    #expect(trainer.pendingKeys.isEmpty)
    #expect(trainer.history.gradientNorms.count == 2)
  }

  @Test("An invalid setting is refused and changes nothing")
  func invalidSetting() throws {
    var trainer = try Trainer(preset: try preset())
    #expect(throws: SessionError.self) { try trainer.apply(.set(try PresetOverride(parsing: "training.dropout=1.5"))) }
    #expect(trainer.preset == (try preset()))
    #expect(trainer.history.markers.isEmpty)
  }

  @Test("Reset to preset reproduces the start exactly")
  func resetReproducesStart() throws {
    var trainer = try Trainer(preset: try preset())
    let start = losses(&trainer, steps: 20)
    try trainer.apply(.set(try PresetOverride(parsing: "training.learning_rate=0.5")))
    try trainer.apply(.resetToPreset)
    #expect(losses(&trainer, steps: 20) == start)
    #expect(trainer.step == 40)
  }

  @Test("A divergence is detected and rewind restores the newest finite checkpoint and its settings")
  func divergeAndRewind() throws {
    var trainer = try Trainer(
      preset: try preset(["training.optimizer=sgd", "model.activation=linear", "data.dataset=plane"]),
      checkpointInterval: 10)
    for _ in 0..<25 { trainer.trainStep() }
    let divergedEarly = trainer.diverged
    #expect(!divergedEarly)
    try trainer.apply(.set(try PresetOverride(parsing: "training.learning_rate=10")))
    var steps = 0
    while !trainer.diverged && steps < 500 {
      trainer.trainStep()
      steps += 1
    }
    let diverged = trainer.diverged
    #expect(diverged)
    let marker = try trainer.apply(.rewind)
    #expect(marker?.summary == "rewound to the weights of step 20")
    let stillDiverged = trainer.diverged
    #expect(!stillDiverged)
    #expect(trainer.network.hyperparameters.learningRate == 0.03)
    #expect(trainer.trainStep().isFinite)
  }
}
