import DamEngine
import Foundation

/// One configuration of `Fixtures/reference_trajectories.json`, written by
/// `Tests/Fixtures/make_reference_trajectories.py` (PyTorch, float64): the architecture, the
/// hyperparameters, the initial weights, the full-batch data, the losses of each of the 100 steps and
/// the final weights.
struct ReferenceTrajectory: Decodable, Sendable, CustomStringConvertible {
  /// The architecture as the script writes it.
  struct Architecture: Decodable, Sendable {
    var inputs: Int
    var hidden: [Int]
    var activation: String
    var head: String
    var outputs: Int
  }

  /// The hyperparameters as the script writes them (the names of `Hyperparameters`' properties).
  struct Settings: Decodable, Sendable {
    var learningRate: Double
    var l1: Double
    var l2: Double
    var optimizer: String
    var momentum: Double
    var beta1: Double
    var beta2: Double
    var rho: Double
    var epsilon: Double
    var schedule: String
    var decayRate: Double
    var decaySteps: Int
  }

  /// One dense layer: weight [out][in], bias [out].
  struct Layer: Decodable, Sendable {
    var weight: [[Double]]
    var bias: [Double]
  }

  var name: String
  var architecture: Architecture
  var hyperparameters: Settings
  var steps: Int
  /// X [samples][inputs].
  var inputs: [[Double]]
  /// T [samples][targetWidth]: 0/1, a class index, or regression targets.
  var targets: [[Double]]
  var initialLayers: [Layer]
  /// Mean data loss of step k, at the weights before update k.
  var dataLosses: [Double]
  /// Data loss plus (l2 / 2) sum ||W||^2 + l1 sum |W| of step k.
  var totalLosses: [Double]
  var finalLayers: [Layer]

  var description: String { name }

  /// The engine's architecture for this configuration.
  func networkArchitecture() throws -> NetworkArchitecture {
    let activation = try Self.decode(Activation.self, architecture.activation)
    let head: OutputHead
    switch architecture.head {
    case "binary": head = .binary
    case "multiclass": head = .multiclass(classes: architecture.outputs)
    case "regression": head = .regression(outputs: architecture.outputs)
    default: throw FixtureError.unknown(architecture.head)
    }
    return NetworkArchitecture(
      inputs: architecture.inputs, hidden: architecture.hidden, activation: activation, head: head)
  }

  /// The engine's hyperparameters: the fixture's values, full batch, no dropout, no clipping.
  func networkHyperparameters() throws -> Hyperparameters {
    var result = Hyperparameters()
    result.learningRate = hyperparameters.learningRate
    result.l1 = hyperparameters.l1
    result.l2 = hyperparameters.l2
    result.dropout = 0
    result.optimizer = try Self.decode(OptimizerKind.self, hyperparameters.optimizer)
    result.momentum = hyperparameters.momentum
    result.beta1 = hyperparameters.beta1
    result.beta2 = hyperparameters.beta2
    result.rho = hyperparameters.rho
    result.epsilon = hyperparameters.epsilon
    result.schedule = try Self.decode(LearningRateSchedule.self, hyperparameters.schedule)
    result.decayRate = hyperparameters.decayRate
    result.decaySteps = hyperparameters.decaySteps
    result.batchSize = inputs.count
    result.clipNorm = nil
    return result
  }

  private static func decode<Value: RawRepresentable<String>>(_ type: Value.Type, _ raw: String) throws -> Value {
    guard let value = Value(rawValue: raw) else { throw FixtureError.unknown(raw) }
    return value
  }
}

/// A fixture file that does not fit what the tests expect.
enum FixtureError: Error, CustomStringConvertible {
  case unknown(String)

  var description: String {
    switch self {
    case .unknown(let name): return "unknown name \"\(name)\" in a fixture"
    }
  }
}

/// The committed fixture files of this test target.
enum Fixtures {
  /// `Tests/DamEngineTests/Fixtures`, found next to this source file.
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The contents of `Fixtures/<name>`.
  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  /// Every configuration of `reference_trajectories.json`.
  static func referenceTrajectories() throws -> [ReferenceTrajectory] {
    struct Document: Decodable { var configurations: [ReferenceTrajectory] }
    return try JSONDecoder().decode(Document.self, from: data("reference_trajectories.json")).configurations
  }
}
