import DamData
import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamTraining
@testable import DamUI

/// Hand-made neuron views: no engine, so the drawings change only when the view does.
enum NeuronFixture {
  /// A 2-3-1 network on a 6x6 plane over -1...1: unit 1 outputs x, unit 2 outputs y, unit 3 outputs -x.
  static func plane() -> NeuronActivations {
    let size = 6
    let plane = NeuronActivations.Plane(size: size, xRange: -1...1, yRange: -1...1)
    var hidden: [Float] = []
    var output: [Float] = []
    for row in 0..<size {
      for column in 0..<size {
        let point = plane.point(row: row, column: column)
        hidden += [Float(point.x), Float(point.y), Float(-point.x)]
        output.append(0.5)
      }
    }
    return NeuronActivations(
      step: 10,
      layers: [
        .init(units: 3, inputs: 2, weights: [1, 0, 0, 1, -1, 0], biases: [0, 0.25, 0], outputs: hidden),
        .init(units: 1, inputs: 3, weights: [0.5, -0.5, 0.5], biases: [0], outputs: output),
      ], plane: plane, inputNames: ["x", "y"], inputImage: nil, classResponses: nil)
  }

  /// A 64-2-10 network on 8x8 images: unit 1's weights rise from -1 (top left) to +1 (bottom right);
  /// each class's mean output peaks at its own digit.
  static func digits() -> NeuronActivations {
    let image = (0..<64).map { Float($0) / 31.5 - 1 }
    let means = (0..<100).map { $0 / 10 == $0 % 10 ? Float(0.9) : Float(0.01) }
    return NeuronActivations(
      step: 10,
      layers: [
        .init(units: 2, inputs: 64, weights: image + image.reversed(), biases: [0.1, -0.2], outputs: []),
        .init(
          units: 10, inputs: 2, weights: [Float](repeating: 0.1, count: 20), biases: [Float](repeating: 0, count: 10),
          outputs: []),
      ], plane: nil, inputNames: (0..<64).map { "px\($0)" }, inputImage: Dataset.ImageShape(width: 8, height: 8),
      classResponses: .init(labels: (0..<10).map(String.init), outputs: 10, means: means))
  }

  /// A 5-2-1 network on a table with named columns (no image: 5 is not a square).
  static func table() -> NeuronActivations {
    NeuronActivations(
      step: 10,
      layers: [
        .init(units: 2, inputs: 5, weights: [0.8, -0.4, 0.2, 0, -0.8, 1, 1, 1, 1, 1], biases: [0.3, 0], outputs: []),
        .init(units: 1, inputs: 2, weights: [1, -1], biases: [0], outputs: []),
      ], plane: nil, inputNames: ["age", "height", "weight", "income", "score"], inputImage: nil,
      classResponses: .init(labels: ["no", "yes"], outputs: 1, means: [0.2, 0.85]))
  }

  /// A view of `activations` with `moves` arrow presses to the right.
  static func view(_ activations: NeuronActivations, right moves: Int = 0) -> NeuronView {
    var view = NeuronView()
    view.receive(activations)
    for _ in 0..<moves { view.move(units: 1) }
    return view
  }
}

@Suite("The neuron view")
struct ViewNeuronTests {
  @Test("2-D: a tile per hidden unit with the decision map's fill, the selected unit large with its weights and bias")
  func planeTilesAndSelectedUnit() {
    let panel = NeuronPanel(
      view: NeuronFixture.view(NeuronFixture.plane(), right: 1), activation: "tanh", glyphs: .ascii, colors: false)
    expectSnapshot(
      rendered(panel, width: 72, height: 18),
      [
        "+[ Neurons (arrows: unit  N or Esc: close) ]---------------------------+",
        "|L1  3 units  max |a| 0.833                L1 unit 2 of 3  tanh        |",
        "| ::::.... ........ ....::::               ..................          |",
        "| ::::....>........ ....::::               ..................          |",
        "| ::::.... :::::::: ....::::               ..................          |",
        "| ::::.... :::::::: ....::::               ..................          |",
        "|                                          ..................          |",
        "|                                          ::::::::::::::::::          |",
        "|                                          ::::::::::::::::::          |",
        "|                                          ::::::::::::::::::          |",
        "|                                          ::::::::::::::::::          |",
        "|                                          incoming weights            |",
        "|                                          x    0                      |",
        "|                                          y    +1      ###############|",
        "|                                          bias +0.25   ###-           |",
        "|                                                                      |",
        "|.: a > 0  :: a < 0  blank: a near 0                                   |",
        "+----------------------------------------------------------------------+",
      ])
  }

  @Test("Digits: the selected first-layer unit's weights as an 8x8 image beside the class x output table")
  func digitsWeightImage() {
    let panel = NeuronPanel(
      view: NeuronFixture.view(NeuronFixture.digits()), activation: "relu", glyphs: .ascii, colors: false)
    expectSnapshot(
      rendered(panel, width: 100, height: 16),
      [
        "+[ Neurons (arrows: unit  N or Esc: close) ]-------------------------------------------------------+",
        "|L1 unit 1 of 2  relu                       mean output by class                                   |",
        "|weights as 8x8 image                       class   o0   o1   o2   o3   o4   o5   o6   o7   o8   o9|",
        "|::::::::::::::::                           0      90%   1%   1%   1%   1%   1%   1%   1%   1%   1%|",
        "|::::::::::::::::                           1       1%  90%   1%   1%   1%   1%   1%   1%   1%   1%|",
        "|::::::::::::::::                           2       1%   1%  90%   1%   1%   1%   1%   1%   1%   1%|",
        "|::::::::::                                 3       1%   1%   1%  90%   1%   1%   1%   1%   1%   1%|",
        "|      ..........                           4       1%   1%   1%   1%  90%   1%   1%   1%   1%   1%|",
        "|................                           5       1%   1%   1%   1%   1%  90%   1%   1%   1%   1%|",
        "|................                           6       1%   1%   1%   1%   1%   1%  90%   1%   1%   1%|",
        "|................                           7       1%   1%   1%   1%   1%   1%   1%  90%   1%   1%|",
        "|bias +0.1   max |w| 1                      8       1%   1%   1%   1%   1%   1%   1%   1%  90%   1%|",
        "|                                           9       1%   1%   1%   1%   1%   1%   1%   1%   1%  90%|",
        "|                                                                                                  |",
        "|                                                                                                  |",
        "+--------------------------------------------------------------------------------------------------+",
      ])
  }

  @Test("A table without an image shape: the weights as signed bars named by column, then the bias")
  func tableWeightBars() {
    let panel = NeuronPanel(
      view: NeuronFixture.view(NeuronFixture.table()), activation: "relu", glyphs: .ascii, colors: false)
    expectSnapshot(
      rendered(panel, width: 80, height: 10),
      [
        "+[ Neurons (arrows: unit  N or Esc: close) ]-----------------------------------+",
        "|L1 unit 1 of 2  relu                                      mean output by class|",
        "|incoming weights                                          class p(1)          |",
        "|age    +0.8    ########################################## no     20%          |",
        "|height -0.4    #####################                      yes    85%          |",
        "|weight +0.2    ##########-                                                    |",
        "|income 0                                                                      |",
        "|score  -0.8    ##########################################                     |",
        "|bias   +0.3    ###############-                                               |",
        "+------------------------------------------------------------------------------+",
      ])
  }

  @Test("Before the first activations arrive the view says they are computing")
  func computing() {
    let panel = NeuronPanel(view: NeuronView(), activation: "tanh", glyphs: .ascii)
    #expect(rendered(panel, width: 80, height: 6).lines.joined().contains("computing each unit's activations"))
  }

  @Test("The arrows move within a layer and between layers, and stop at the edges")
  func selectionMoves() {
    var view = NeuronFixture.view(NeuronFixture.plane())
    view.move(units: -1)
    #expect(view.selected == .init(layer: 0, unit: 0))
    view.move(units: 5)
    #expect(view.selected == .init(layer: 0, unit: 2))
    view.move(layers: 1)
    #expect(view.selected == .init(layer: 0, unit: 2), "the output layer is not selectable beside hidden ones")
  }
}
