import DamEngine
import Foundation
import Testing

/// 100 full-batch training steps of the engine against PyTorch, from the same initial weights and data
/// (`Fixtures/reference_trajectories.json`, made by `Tests/Fixtures/make_reference_trajectories.py`
/// in float64): every step's data loss and objective, and every final weight and bias.
struct ReferenceTrajectoryTests {
  static let trajectories = (try? Fixtures.referenceTrajectories()) ?? []

  @Test("The reference fixture covers every optimizer, L1 with L2, a deep sigmoid net and every head")
  func fixtureCoverage() throws {
    let all = try Fixtures.referenceTrajectories()
    #expect(Set(all.map(\.hyperparameters.optimizer)) == Set(OptimizerKind.allCases.map(\.rawValue)))
    #expect(all.contains { $0.hyperparameters.l1 > 0 && $0.hyperparameters.l2 > 0 })
    #expect(all.contains { $0.architecture.activation == "sigmoid" && $0.architecture.hidden.count >= 4 })
    #expect(Set(all.map(\.architecture.head)) == ["binary", "multiclass", "regression"])
    for trajectory in all {
      #expect(trajectory.steps == 100 && trajectory.dataLosses.count == 100 && trajectory.totalLosses.count == 100)
    }
  }

  @Test("Float training follows PyTorch's trajectory within 1e-4 relative", arguments: trajectories)
  func floatMatchesPyTorch(trajectory: ReferenceTrajectory) throws {
    try expectMatch(Float.self, trajectory, tolerance: 1e-4)
  }

  @Test("Double training follows PyTorch's float64 trajectory within 1e-9 relative", arguments: trajectories)
  func doubleMatchesPyTorch(trajectory: ReferenceTrajectory) throws {
    try expectMatch(Double.self, trajectory, tolerance: 1e-9)
  }

  private func expectMatch<Scalar: EngineScalar>(
    _ scalar: Scalar.Type, _ trajectory: ReferenceTrajectory, tolerance: Double
  ) throws {
    let run = try train(Scalar.self, trajectory)
    var comparisons = [
      ReferenceComparison("data loss", actual: run.dataLosses, expected: trajectory.dataLosses),
      ReferenceComparison("objective", actual: run.objectives, expected: trajectory.totalLosses),
    ]
    for (index, reference) in trajectory.finalLayers.enumerated() {
      comparisons.append(
        ReferenceComparison(
          "layers.\(index).weight", actual: run.weights[index], expected: reference.weight.flatMap { $0 }))
      comparisons.append(
        ReferenceComparison(
          "layers.\(index).bias", actual: run.biases[index], expected: reference.bias))
    }
    // One line per run, llm.c style: the largest relative difference of every tensor.
    let summary = comparisons.map { "\($0.name) " + String(format: "%.1e", $0.maximumRelativeDifference) }
    print("\(trajectory.name) \(Scalar.self) max rel: " + summary.joined(separator: ", "))
    for comparison in comparisons {
      #expect(comparison.passes(tolerance: tolerance), "\(trajectory.name) \(Scalar.self): \(comparison)")
    }
  }

  /// Loads the initial weights, runs the fixture's full-batch steps, returns the losses of every step and
  /// the final parameters.
  private func train<Scalar: EngineScalar>(_ scalar: Scalar.Type, _ trajectory: ReferenceTrajectory) throws -> (
    dataLosses: [Double], objectives: [Double], weights: [[Double]], biases: [[Double]]
  ) {
    var network = try Network<Scalar>(
      architecture: trajectory.networkArchitecture(), hyperparameters: trajectory.networkHyperparameters(), seed: 1)
    for (index, layer) in trajectory.initialLayers.enumerated() {
      try network.setLayer(
        index, weights: layer.weight.flatMap { $0 }.map { Scalar($0) }, bias: layer.bias.map { Scalar($0) })
    }
    let inputs = trajectory.inputs.flatMap { $0 }.map { Scalar($0) }
    let targets = trajectory.targets.flatMap { $0 }.map { Scalar($0) }
    var dataLosses: [Double] = []
    var objectives: [Double] = []
    for _ in 0..<trajectory.steps {
      let result = try network.trainStep(inputs: inputs, targets: targets, count: trajectory.inputs.count)
      dataLosses.append(result.dataLoss)
      objectives.append(result.objective)
    }
    let layers = 0..<network.layout.layerCount
    return (
      dataLosses, objectives,
      layers.map { network.weights(layer: $0).map { Double($0) } },
      layers.map { network.bias(layer: $0).map { Double($0) } }
    )
  }
}

extension ReferenceTrajectory: CustomTestStringConvertible {
  var testDescription: String { name }
}
