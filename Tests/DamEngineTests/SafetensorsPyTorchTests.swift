import DamEngine
import Foundation
import Testing

/// `.safetensors` weight files shared with PyTorch, both ways (see
/// `Tests/Fixtures/check_safetensors_pytorch.py`):
/// - torch -> Swift: models that PyTorch saved (`Fixtures/pytorch_*.safetensors`) load into the engine and
///   predict what PyTorch predicted for the same inputs.
/// - Swift -> torch: the engine's files round-trip exactly; with `DAM_SAFETENSORS_EXPORT_DIR` set they are
///   written there with their inputs and predictions, for `check_safetensors_pytorch.py check`.
struct SafetensorsPyTorchTests {
  /// The fixtures made by `check_safetensors_pytorch.py make-fixtures`: one per head, and no hidden layer.
  static let pytorchModels = [
    "pytorch_multiclass_leaky_relu", "pytorch_binary_elu", "pytorch_regression_tanh", "pytorch_regression_no_hidden",
  ]

  /// Networks the engine exports: every head and several activations, one with a linear hidden layer.
  static let exportedArchitectures = [
    NetworkArchitecture(inputs: 3, hidden: [7, 5], activation: .relu, head: .multiclass(classes: 3)),
    NetworkArchitecture(inputs: 2, hidden: [6], activation: .sigmoid, head: .binary),
    NetworkArchitecture(inputs: 4, hidden: [6, 6], activation: .leakyRelu, head: .regression(outputs: 2)),
    NetworkArchitecture(inputs: 2, hidden: [3], activation: .linear, head: .binary),
  ]

  @Test("A model saved by PyTorch predicts in the engine what it predicts in PyTorch", arguments: pytorchModels)
  func pyTorchModelPredictsTheSame(name: String) throws {
    let bytes = [UInt8](try Fixtures.data("\(name).safetensors"))
    var network = try Network<Float>(safetensors: bytes, seed: 0)
    let document = try JSONDecoder().decode(
      PredictionDocument.self, from: Fixtures.data("\(name).predictions.json"))
    let predictions = try network.predict(
      document.inputs.flatMap { $0 }.map { Float($0) }, count: document.inputs.count)
    let comparison = ReferenceComparison(
      name, actual: predictions.map { Double($0) }, expected: document.predictions.flatMap { $0 })
    print("torch -> Swift \(comparison)")
    #expect(comparison.passes(tolerance: 1e-5), "\(comparison)")
  }

  @Test(
    "A trained network saved as safetensors loads back with identical predictions", arguments: exportedArchitectures)
  func savedNetworkRoundTrips(architecture: NetworkArchitecture) throws {
    var hyperparameters = Hyperparameters()
    hyperparameters.optimizer = .adam
    hyperparameters.learningRate = 0.05
    var network = try Network<Float>(architecture: architecture, hyperparameters: hyperparameters, seed: 5)
    let count = 9
    let inputs: [Float] = TestData.inputs(count: count, width: architecture.inputs, seed: 21)
    let targets: [Float] = TestData.targets(for: architecture.head, count: count, seed: 22)
    // Training moves the biases off zero, so the file proves where each bias goes.
    for _ in 0..<20 { _ = try network.trainStep(inputs: inputs, targets: targets, count: count) }
    let predictions = try network.predict(inputs, count: count)

    let name = Self.fileName(architecture)
    let directory = try Self.exportDirectory()
    let path = directory.appendingPathComponent("\(name).safetensors").path
    try network.saveWeights(to: path)
    try Self.writePredictions(
      inputs: inputs, predictions: predictions, architecture: architecture,
      to: directory.appendingPathComponent("\(name).predictions.json"))

    var loaded = try Network<Float>(safetensors: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), seed: 9)
    #expect(loaded.architecture == architecture)
    #expect(loaded.parameters == network.parameters)
    #expect(try loaded.predict(inputs, count: count) == predictions)
  }

  /// `swift_<head>_<activation>`.
  private static func fileName(_ architecture: NetworkArchitecture) -> String {
    let head: String
    switch architecture.head {
    case .binary: head = "binary"
    case .multiclass: head = "multiclass"
    case .regression: head = "regression"
    }
    return "swift_\(head)_\(architecture.activation.rawValue.replacingOccurrences(of: "-", with: "_"))"
  }

  /// `DAM_SAFETENSORS_EXPORT_DIR` (created if missing) or a fresh temporary directory.
  private static func exportDirectory() throws -> URL {
    let directory =
      ProcessInfo.processInfo.environment["DAM_SAFETENSORS_EXPORT_DIR"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("dam-safetensors-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// The inputs [count][inputs] and predictions [count][outputs] as `check_safetensors_pytorch.py` reads them.
  private static func writePredictions(
    inputs: [Float], predictions: [Float], architecture: NetworkArchitecture, to url: URL
  ) throws {
    let rows = { (values: [Float], width: Int) in
      stride(from: 0, to: values.count, by: width).map { values[$0..<($0 + width)].map { Double($0) } }
    }
    let document: [String: Any] = [
      "producer": "SafetensorsPyTorchTests (Swift engine, Float)",
      "inputs": rows(inputs, architecture.inputs),
      "predictions": rows(predictions, architecture.head.outputWidth),
    ]
    try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: url)
  }
}

/// Inputs and the predictions a model made for them.
private struct PredictionDocument: Decodable {
  /// X [count][inputs].
  var inputs: [[Double]]
  /// [count][outputs]: probabilities (binary, multiclass) or outputs (regression).
  var predictions: [[Double]]
}
