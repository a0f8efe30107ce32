import DamEngine
import Foundation
import Testing

/// `Network.probe` against numpy (`Fixtures/probe_reference.json`, made by
/// `Tests/Fixtures/make_probe_reference.py` in float64): per layer the standard deviation of the
/// output, the weight-gradient norm of the data loss and the number of distinct units.
@Suite("Network probe")
struct ProbeTests {
  struct Configuration: Decodable {
    var name: String
    var widths: [Int]
    var activation: String
    var head: String
    var weights: [[Double]]
    var biases: [[Double]]
    var inputs: [Double]
    var targets: [Double]
    var rows: Int
    var act_std: [Double]
    var grad_norm: [Double]
    var distinct_units: [Int]
  }

  static func configurations() throws -> [Configuration] {
    struct Document: Decodable { var configurations: [Configuration] }
    return try JSONDecoder().decode(Document.self, from: Fixtures.data("probe_reference.json")).configurations
  }

  @Test("Activation std, gradient norm and distinct units match numpy", arguments: try configurations())
  func matchesNumpy(_ reference: Configuration) throws {
    let head: OutputHead = reference.head == "binary" ? .binary : .multiclass(classes: reference.widths.last!)
    let architecture = NetworkArchitecture(
      inputs: reference.widths[0], hidden: Array(reference.widths.dropFirst().dropLast()),
      activation: Activation(rawValue: reference.activation)!, head: head)
    var network = try Network<Float>(architecture: architecture, seed: 1)
    for layer in 0..<architecture.layerCount {
      try network.setLayer(
        layer, weights: reference.weights[layer].map(Float.init), bias: reference.biases[layer].map(Float.init))
    }
    let before = network.parameters
    let probes = try network.probe(
      inputs: reference.inputs.map(Float.init), targets: reference.targets.map(Float.init), count: reference.rows)
    #expect(probes.count == architecture.layerCount)
    for (layer, probe) in probes.enumerated() {
      #expect(abs(probe.activationStd - reference.act_std[layer]) <= 1e-5 * reference.act_std[layer], "layer \(layer)")
      #expect(
        abs(probe.gradientNorm - reference.grad_norm[layer]) <= 1e-4 * reference.grad_norm[layer], "layer \(layer)")
      #expect(probe.distinctUnits == reference.distinct_units[layer], "layer \(layer)")
      #expect(probe.units == reference.widths[layer + 1])
    }
    #expect(network.parameters == before)
    #expect(network.step == 0)
  }
}
