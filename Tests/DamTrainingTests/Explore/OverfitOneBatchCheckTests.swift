import DamEngine
import Testing

@testable import DamTraining

@Suite("Overfit-one-batch check")
struct OverfitOneBatchCheckTests {
  private func trainer(_ overrides: [String] = []) throws -> Trainer {
    try Trainer(
      preset: try Preset(name: "test", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) }))
  }

  @Test("A healthy network memorises one batch, and stops as soon as it has")
  func healthyMemorises() throws {
    var check = try OverfitOneBatchCheck(trainer: try trainer(["training.learning_rate=0.01"]))
    let report = check.run()
    #expect(report.verdict == .memorised)
    #expect(report.batchSize == 32)
    #expect(report.steps < 500)
    #expect(report.losses.count == report.steps)
    #expect(report.lowestLoss <= 0.05 * report.initialLoss)
    // 5% of the best constant guess on the batch: at most ln 2 for binary labels.
    #expect(report.targetLoss > 0 && report.targetLoss <= 0.05 * 0.6931471805599453)
    #expect(report.finalAccuracy == 1)
    #expect(report.summary.hasPrefix("The network can memorise one batch: the loss on 32 samples fell from"))
  }

  @Test("Dropout and L1/L2 are off during the check, so they do not stop it memorising")
  func regularizationOff() throws {
    let settings = ["training.learning_rate=0.01", "model.dropout=0.5", "training.l2=0.5", "training.l1=0.1"]
    var check = try OverfitOneBatchCheck(trainer: try trainer(settings))
    #expect(check.run().verdict == .memorised)
  }

  @Test("A learning rate far too small cannot memorise the batch, and the verdict says why")
  func tinyLearningRate() throws {
    var check = try OverfitOneBatchCheck(
      trainer: try trainer(["training.optimizer=\"sgd\"", "training.learning_rate=1e-6"]),
      settings: OverfitOneBatchSettings(steps: 100))
    let report = check.run()
    #expect(report.verdict == .stalled)
    #expect(report.steps == 100)
    #expect(report.lowestLoss > 0.9 * report.initialLoss)
    #expect(report.summary.hasPrefix("It cannot: after 100 steps on one batch of 32 samples the loss only fell"))
  }

  @Test("One hidden unit is too little capacity to memorise a batch of the spiral")
  func tooLittleCapacity() throws {
    var check = try OverfitOneBatchCheck(
      trainer: try trainer(["model.hidden=[1]", "training.learning_rate=0.01"]),
      settings: OverfitOneBatchSettings(steps: 300))
    #expect(check.run().verdict == .stalled)
  }

  @Test("The trainer handed to the check keeps its weights and settings")
  func liveRunUntouched() throws {
    let live = try trainer(["model.dropout=0.2", "training.l2=0.01"])
    let parameters = live.network.parameters
    var check = try OverfitOneBatchCheck(trainer: live, settings: OverfitOneBatchSettings(steps: 20))
    _ = check.run()
    #expect(live.network.parameters == parameters)
    #expect(live.network.hyperparameters.dropout == 0.2)
    #expect(live.network.hyperparameters.l2 == 0.01)
  }

  @Test("The batch size is the trainer's unless given, and never more than the training split")
  func batchSize() throws {
    let small = try trainer(["data.samples=50", "training.batch_size=64"])
    #expect(try OverfitOneBatchCheck(trainer: small).report.batchSize == small.data.train.count)
    let given = try OverfitOneBatchCheck(trainer: try trainer(), settings: OverfitOneBatchSettings(batchSize: 8))
    #expect(given.report.batchSize == 8)
    #expect(given.report.verdict == nil && given.progress == 0)
    #expect(throws: ConfigurationError.self) {
      try OverfitOneBatchCheck(trainer: small, settings: OverfitOneBatchSettings(targetFraction: 0))
    }
  }
}
