import DamEngine
import Foundation
import Testing

/// Full-batch training with batch normalization against PyTorch's `nn.Sequential(Linear, BatchNorm1d,
/// activation, ..., Linear)` (`Fixtures/batchnorm_trajectories.json`, made by
/// `Tests/Fixtures/make_batchnorm_trajectories.py` in float64): every step's data loss and objective
/// (batch statistics), the evaluation-mode loss after every update (running statistics), and every final
/// weight, bias, gamma, beta, running mean and running variance.
struct BatchNormTrajectoryTests {
  /// The batch normalization parts of one layer of the fixture (absent for the output layer).
  struct NormalizedLayer: Decodable, Sendable {
    var weight: [[Double]]
    var bias: [Double]
    var scale: [Double]?
    var shift: [Double]?
    var runningMean: [Double]?
    var runningVariance: [Double]?
  }

  /// One configuration: the common trajectory fields plus what batch normalization adds.
  struct Trajectory: Sendable, CustomTestStringConvertible {
    var reference: ReferenceTrajectory
    /// Mean data loss in evaluation mode after update k.
    var evaluationLosses: [Double]
    var initialLayers: [NormalizedLayer]
    var finalLayers: [NormalizedLayer]

    var testDescription: String { reference.name }
  }

  static let trajectories = (try? loadTrajectories()) ?? []

  static func loadTrajectories() throws -> [Trajectory] {
    struct Extras: Decodable {
      var evaluationLosses: [Double]
      var initialLayers: [NormalizedLayer]
      var finalLayers: [NormalizedLayer]
    }
    struct References: Decodable { var configurations: [ReferenceTrajectory] }
    struct AllExtras: Decodable { var configurations: [Extras] }
    let data = try Fixtures.data("batchnorm_trajectories.json")
    let references = try JSONDecoder().decode(References.self, from: data).configurations
    let extras = try JSONDecoder().decode(AllExtras.self, from: data).configurations
    return zip(references, extras).map {
      Trajectory(
        reference: $0, evaluationLosses: $1.evaluationLosses, initialLayers: $1.initialLayers,
        finalLayers: $1.finalLayers)
    }
  }

  @Test("The batch normalization fixture covers every head, five activations, L1 with L2 and four optimizers")
  func fixtureCoverage() throws {
    let all = try Self.loadTrajectories()
    #expect(Set(all.map(\.reference.architecture.head)) == ["binary", "multiclass", "regression"])
    #expect(Set(all.map(\.reference.architecture.activation)).count >= 5)
    #expect(Set(all.map(\.reference.hyperparameters.optimizer)).count >= 4)
    #expect(all.contains { $0.reference.hyperparameters.l1 > 0 && $0.reference.hyperparameters.l2 > 0 })
    for trajectory in all {
      #expect(trajectory.evaluationLosses.count == trajectory.reference.steps && trajectory.reference.steps >= 50)
      #expect(trajectory.finalLayers.dropLast().allSatisfy { $0.runningVariance != nil })
    }
  }

  @Test("Float training with batch normalization follows PyTorch within 1e-4 relative", arguments: trajectories)
  func floatMatchesPyTorch(trajectory: Trajectory) throws {
    try expectMatch(Float.self, trajectory, tolerance: 1e-4)
  }

  @Test(
    "Double training with batch normalization follows PyTorch's float64 within 1e-9 relative", arguments: trajectories)
  func doubleMatchesPyTorch(trajectory: Trajectory) throws {
    try expectMatch(Double.self, trajectory, tolerance: 1e-9)
  }

  private func expectMatch<Scalar: EngineScalar>(_ scalar: Scalar.Type, _ trajectory: Trajectory, tolerance: Double)
    throws
  {
    let run = try train(Scalar.self, trajectory)
    let reference = trajectory.reference
    var comparisons = [
      ReferenceComparison("data loss", actual: run.dataLosses, expected: reference.dataLosses),
      ReferenceComparison("objective", actual: run.objectives, expected: reference.totalLosses),
      ReferenceComparison("evaluation loss", actual: run.evaluationLosses, expected: trajectory.evaluationLosses),
    ]
    for (index, layer) in trajectory.finalLayers.enumerated() {
      let tensors: [(String, [Double]?)] = [
        ("weight", layer.weight.flatMap { $0 }), ("bias", layer.bias), ("bn.weight", layer.scale),
        ("bn.bias", layer.shift), ("bn.running_mean", layer.runningMean), ("bn.running_var", layer.runningVariance),
      ]
      for (name, expected) in tensors {
        guard let expected else { continue }
        let key = "layers.\(index).\(name)"
        comparisons.append(ReferenceComparison(key, actual: run.tensors[key] ?? [], expected: expected))
      }
    }
    let summary = comparisons.map { "\($0.name) " + String(format: "%.1e", $0.maximumRelativeDifference) }
    print("\(reference.name) \(Scalar.self) max rel: " + summary.joined(separator: ", "))
    for comparison in comparisons {
      #expect(comparison.passes(tolerance: tolerance), "\(reference.name) \(Scalar.self): \(comparison)")
    }
  }

  /// Loads the initial values, runs the fixture's full-batch steps, evaluates after each, and returns the
  /// losses and every final tensor by its safetensors name.
  private func train<Scalar: EngineScalar>(_ scalar: Scalar.Type, _ trajectory: Trajectory) throws -> (
    dataLosses: [Double], objectives: [Double], evaluationLosses: [Double], tensors: [String: [Double]]
  ) {
    let reference = trajectory.reference
    var architecture = try reference.networkArchitecture()
    architecture.batchNorm = true
    var network = try Network<Scalar>(
      architecture: architecture, hyperparameters: try reference.networkHyperparameters(), seed: 1)
    let initial = trajectory.initialLayers.flatMap { layer in
      layer.weight.flatMap { $0 } + layer.bias + (layer.scale ?? []) + (layer.shift ?? [])
    }
    try network.setParameters(initial.map { Scalar($0) })
    let inputs = reference.inputs.flatMap { $0 }.map { Scalar($0) }
    let targets = reference.targets.flatMap { $0 }.map { Scalar($0) }
    let count = reference.inputs.count
    var dataLosses: [Double] = []
    var objectives: [Double] = []
    var evaluationLosses: [Double] = []
    for _ in 0..<reference.steps {
      let result = try network.trainStep(inputs: inputs, targets: targets, count: count)
      dataLosses.append(result.dataLoss)
      objectives.append(result.objective)
      evaluationLosses.append(try network.evaluate(inputs: inputs, targets: targets, count: count).loss)
    }
    return (dataLosses, objectives, evaluationLosses, finalTensors(network))
  }

  private func finalTensors<Scalar: EngineScalar>(_ network: Network<Scalar>) -> [String: [Double]] {
    let layout = network.layout
    let parameters = network.parameters.map { Double($0) }
    let statistics = network.runningStatistics.map { Double($0) }
    var tensors: [String: [Double]] = [:]
    for layer in 0..<layout.layerCount {
      let width = layout.fanOut[layer]
      tensors["layers.\(layer).weight"] = network.weights(layer: layer).map { Double($0) }
      tensors["layers.\(layer).bias"] = network.bias(layer: layer).map { Double($0) }
      guard layout.isNormalized(layer) else { continue }
      let scale = layout.scaleOffset[layer]
      tensors["layers.\(layer).bn.weight"] = Array(parameters[scale..<(scale + width)])
      tensors["layers.\(layer).bn.bias"] = Array(parameters[(scale + width)..<(scale + 2 * width)])
      let mean = layout.runningMeanOffset[layer]
      tensors["layers.\(layer).bn.running_mean"] = Array(statistics[mean..<(mean + width)])
      tensors["layers.\(layer).bn.running_var"] = Array(statistics[(mean + width)..<(mean + 2 * width)])
    }
    return tensors
  }
}
