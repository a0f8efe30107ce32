import DamEngine
import Testing

@testable import DamTraining

@Suite("Neuron view activations of a trainer")
struct NeuronActivationsTests {
  @Test("On 2-D data every hidden unit's tile is its output at the plane's points, top row first")
  func planeOutputsAreTheNetworksAtThePoints() throws {
    let preset = try PresetLibrary().resolve("default")
    let trainer = try Trainer(preset: preset)
    let neurons = NeuronActivations.compute(trainer: trainer, grid: 5)
    let plane = try #require(neurons.plane)
    #expect(neurons.layers.map(\.units) == [32, 32, 1])
    #expect(plane.point(row: 0, column: 0).y > plane.point(row: 4, column: 0).y)
    var network = trainer.network
    let point = plane.point(row: 1, column: 3)
    let direct = try network.layerOutputs([Float(point.x), Float(point.y)], count: 1)
    for (layer, expected) in zip(neurons.layers, direct) {
      for unit in 0..<layer.units {
        #expect(abs(layer.outputs(of: unit)[1 * 5 + 3] - expected[unit]) < 1e-6)
      }
    }
    #expect(Array(neurons.layers[0].incomingWeights(of: 2)) == Array(network.weights(layer: 0)[4..<6]))
  }

  @Test("Digits: no plane, the inputs form an 8x8 image, and each class's mean outputs sum to 1")
  func digitsHaveAnImageAndClassResponses() throws {
    let trainer = try Trainer(preset: PresetLibrary().resolve("digits"))
    let neurons = NeuronActivations.compute(trainer: trainer, grid: 4)
    #expect(neurons.plane == nil)
    #expect(neurons.inputImage?.width == 8 && neurons.inputImage?.height == 8)
    let responses = try #require(neurons.classResponses)
    #expect(responses.labels.count == 10 && responses.outputs == 10)
    for classIndex in 0..<10 {
      let sum = (0..<10).map { Double(responses.mean(classIndex: classIndex, output: $0)) }.reduce(0, +)
      #expect(abs(sum - 1) < 1e-4, "softmax means of class \(classIndex) sum to \(sum)")
    }
  }

  @Test("A square input count above 2 forms a square image; other counts none")
  func squareInputsFormAnImage() {
    #expect(NeuronActivations.imageShape(inputs: 16, given: nil)?.width == 4)
    #expect(NeuronActivations.imageShape(inputs: 5, given: nil) == nil)
    #expect(NeuronActivations.imageShape(inputs: 1, given: nil) == nil)
  }
}
