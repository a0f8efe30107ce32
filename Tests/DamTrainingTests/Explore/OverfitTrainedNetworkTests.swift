import DamEngine
import Testing

@testable import DamTraining

@Suite("Overfit-one-batch check on trained networks")
struct OverfitTrainedNetworkTests {
  /// The shipped lesson `name`, trained for `steps` steps.
  private func trained(_ name: String, steps: Int) throws -> Trainer {
    var trainer = try Trainer(preset: try Preset.load(path: PresetTestSupport.presetsDirectory + "/\(name).toml"))
    for _ in 0..<steps { trainer.trainStep() }
    return trainer
  }

  @Test("A healthy network trained far still memorises one batch: default at step 3,000 passes")
  func trainedDefaultPasses() throws {
    var check = try OverfitOneBatchCheck(trainer: try trained("default", steps: 3000))
    let report = check.run()
    #expect(report.verdict == .memorised, "\(report.summary)")
  }

  @Test(
    "Lessons whose network has the capacity pass the check after training",
    arguments: ["overfitting", "batch-norm"])
  func trainedLessonsPass(name: String) throws {
    var check = try OverfitOneBatchCheck(trainer: try trained(name, steps: 1000))
    let report = check.run()
    #expect(report.verdict == .memorised, "\(report.summary)")
  }

  @Test("The target is a fraction of the best constant guess on the batch: ln 2 for balanced binary labels")
  func baselineIsTheConstantGuess() {
    let binary = BatchBaseline.loss(targets: [0, 1, 1, 0], count: 4, targetWidth: 1, head: .binary)
    #expect(abs(binary - 0.6931471805599453) < 1e-12)
    let threeClasses = BatchBaseline.loss(targets: [0, 1, 2], count: 3, targetWidth: 1, head: .multiclass(classes: 3))
    #expect(abs(threeClasses - 1.0986122886681098) < 1e-12)
    // Targets 1, 3: variance 1, halved by the loss's factor 1/2.
    #expect(BatchBaseline.loss(targets: [1, 3], count: 2, targetWidth: 1, head: .regression(outputs: 1)) == 0.5)
    #expect(BatchBaseline.loss(targets: [1, 1], count: 2, targetWidth: 1, head: .binary) == 0)
  }
}
