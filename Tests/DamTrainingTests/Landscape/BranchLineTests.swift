import DamEngine
import Testing

@testable import DamTraining

@Suite("Loss landscape: the line between the branches of a fork")
struct BranchLineTests {
  /// A `default` run trained 100 steps, then forked: A goes on as it was, B at ten times the learning
  /// rate, 150 steps each; each branch evaluated at the end (the JSON lines' `train_loss` and `val_loss`).
  private func forked() throws -> (a: Trainer, b: Trainer, finalA: EvaluationReport, finalB: EvaluationReport) {
    var start = HeadlessRun(trainer: try Trainer(preset: Preset(name: "test", source: .builtIn)), steps: 100)
    _ = try start.run()
    var a = start.trainer
    var b = a
    _ = try b.apply(.set(try PresetOverride(parsing: "training.learning_rate=0.1")))
    var runA = HeadlessRun(trainer: a, steps: 250)
    var runB = HeadlessRun(trainer: b, steps: 250)
    let finalA = try runA.run().last
    let finalB = try runB.run().last
    a = runA.trainer
    b = runB.trainer
    return (a, b, finalA, finalB)
  }

  @Test("The A-B line is branch A's losses at alpha 0, branch B's at alpha 1, the mixed weights between")
  func branchLine() throws {
    let (a, b, finalA, finalB) = try forked()
    #expect(a.network.parameters != b.network.parameters)
    let result = try #require(
      try LandscapeResult.compute(
        .line, trainer: a, branches: (a, b), threads: 2, cancellation: LandscapeCancellation(), progress: { _, _ in }))
    let line = try #require(result.branchLine)
    let alphas = line.alphas
    let zero = try #require(alphas.firstIndex(of: 0))
    let one = try #require(alphas.firstIndex(of: 1))
    let half = try #require(alphas.firstIndex(of: 0.5))
    // alpha 0 is A's own weights: its losses exactly.
    #expect(line.trainingLoss[zero] == finalA.trainingLoss)
    #expect(line.validationLoss[zero] == finalA.validationLoss)
    // alpha 1 is A + (B - A), B's weights up to float rounding.
    #expect(abs(line.trainingLoss[one] - finalB.trainingLoss) < 1e-5 * finalB.trainingLoss)
    #expect(abs(line.validationLoss[one] - finalB.validationLoss) < 1e-5 * finalB.validationLoss)
    #expect(finalA.trainingLoss != finalB.trainingLoss)
    // The midpoint is the network with weights (A + B) / 2, evaluated directly.
    var middle = a.network
    try middle.setParameters(zip(a.network.parameters, b.network.parameters).map { $0 + 0.5 * ($1 - $0) })
    let training = try middle.evaluate(
      inputs: a.data.train.features, targets: a.data.train.targets, count: a.data.train.count)
    let validation = try middle.evaluate(
      inputs: a.data.validation.features, targets: a.data.validation.targets, count: a.data.validation.count)
    #expect(line.trainingLoss[half] == training.loss)
    #expect(line.validationLoss[half] == validation.loss)
    // The other line still runs from A's initial weights to A's current ones.
    let current = result.grid.trainingLoss[try #require(result.grid.alphas.firstIndex(of: 1))]
    #expect(abs(current - finalA.trainingLoss) < 1e-5 * finalA.trainingLoss)
  }
}
