import DamEngine
import Testing

@Suite("Parameter order: PyTorch's outside, column panels inside")
struct ParameterOrderTests {
  /// Widths that give full and ragged 32-unit panels, and a one-unit output.
  private let architecture = NetworkArchitecture(inputs: 3, hidden: [40, 33], activation: .tanh, head: .binary)

  @Test("storageIndex maps every weight of every layer to its own slot inside the layer's block")
  func storageIndexIsAPermutation() {
    let layout = ParameterLayout(architecture)
    for layer in 0..<layout.layerCount {
      var seen = Set<Int>()
      for unit in 0..<layout.fanOut[layer] {
        for input in 0..<layout.fanIn[layer] {
          let index = layout.storageIndex(layer: layer, unit: unit, input: input)
          #expect(layout.weightOffset[layer] <= index && index < layout.biasOffset[layer])
          seen.insert(index)
        }
      }
      #expect(seen.count == layout.weightCount(layer))
    }
  }

  @Test("Weights set as [out x in] read back the same from weights(layer:), parameters and a snapshot")
  func publicOrderIsPyTorchs() throws {
    var network = try Network<Float>(architecture: architecture, seed: 1)
    let layout = network.layout
    for layer in 0..<layout.layerCount {
      // W[unit, input] = 1000 layer + 10 unit + input / 100: each value names its position.
      let weights = (0..<layout.weightCount(layer)).map { index in
        Float(1000 * layer + 10 * (index / layout.fanIn[layer])) + Float(index % layout.fanIn[layer]) / 100
      }
      try network.setLayer(layer, weights: weights, bias: [Float](repeating: 0, count: layout.fanOut[layer]))
      #expect(network.weights(layer: layer) == weights)
      let block = layout.weightOffset[layer]..<layout.biasOffset[layer]
      #expect(Array(network.parameters[block]) == weights)
      #expect(Array(network.snapshot().parameters[block]) == weights)
    }
    var copy = try Network<Float>(architecture: architecture, seed: 2)
    try copy.setParameters(network.parameters)
    for layer in 0..<layout.layerCount { #expect(copy.weights(layer: layer) == network.weights(layer: layer)) }
  }

  @Test("The forward pass computes X W^T + b with W in PyTorch's order (hand-computed)")
  func forwardUsesPublicOrder() throws {
    let small = NetworkArchitecture(inputs: 2, hidden: [], activation: .linear, head: .regression(outputs: 3))
    var network = try Network<Double>(architecture: small, seed: 1)
    // W = [[1, 2], [3, 4], [5, 6]], b = [0.5, 0, -1]: x = (1, -1) gives (-0.5, -1, -2).
    try network.setLayer(0, weights: [1, 2, 3, 4, 5, 6], bias: [0.5, 0, -1])
    let output = try network.predict([1, -1], count: 1)
    #expect(output == [-0.5, -1, -2])
  }
}
