import DamEngine
import Foundation
import Testing

/// One network of `Tests/Fixtures/neuron_reference.json`, written by
/// `Tests/Fixtures/make_neuron_reference.py` (numpy, float64).
private struct NeuronReference: Decodable, CustomStringConvertible {
  var name: String
  var inputs: Int
  var hidden: [Int]
  var activation: String
  var head: String
  var classes: Int
  var weights: [Double]
  var points: [Double]
  var outputs: [[Double]]

  var description: String { name }

  static func load() throws -> [NeuronReference] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/neuron_reference.json")
    return try JSONDecoder().decode([NeuronReference].self, from: Data(contentsOf: url))
  }

  func network() throws -> Network<Float> {
    let architecture = NetworkArchitecture(
      inputs: inputs, hidden: hidden, activation: Activation(rawValue: activation)!,
      head: head == "binary" ? .binary : .multiclass(classes: classes))
    var network = try Network<Float>(architecture: architecture, seed: 1)
    try network.setParameters(weights.map { Float($0) })
    return network
  }
}

@Suite("Neuron view activations against numpy")
struct NeuronReferenceTests {
  @Test("Every layer's output on the grid points matches numpy's to float tolerance")
  func layerOutputsMatchNumpy() throws {
    var worst = 0.0
    for reference in try NeuronReference.load() {
      var network = try reference.network()
      let count = reference.points.count / reference.inputs
      let outputs = try network.layerOutputs(reference.points.map { Float($0) }, count: count)
      #expect(outputs.count == reference.outputs.count, "\(reference): one output per layer")
      for (layer, (computed, expected)) in zip(outputs, reference.outputs).enumerated() {
        #expect(computed.count == expected.count, "\(reference) layer \(layer + 1)")
        let error = zip(computed, expected).map { abs(Double($0) - $1) }.max() ?? .infinity
        worst = max(worst, error)
        #expect(error < 1e-5, "\(reference) layer \(layer + 1): max abs error \(error)")
      }
    }
    print("neuron activations vs numpy: max abs error \(worst)")
  }
}
