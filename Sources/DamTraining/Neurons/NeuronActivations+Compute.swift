import DamData
import DamEngine

extension NeuronActivations {
  /// The grid sizes allowed: 2...128 points per side.
  public static let gridRange = 2...128

  /// The neuron view of `trainer`'s current weights, computed on a copy in evaluation mode: for 2-D
  /// inputs every layer's output on a `grid` x `grid` plane (one batched forward pass), and for
  /// classification the mean prediction per class over the validation split (the training split when
  /// it is empty).
  /// - Complexity: one forward pass over grid^2 points, one over the validation split.
  public static func compute(trainer: Trainer, grid: Int) -> NeuronActivations {
    compute(network: trainer.network, data: trainer.data, step: trainer.step, grid: grid)
  }

  /// The neuron view of `network` (a copy, at session step `step`) on `data`; see `compute(trainer:grid:)`.
  public static func compute(network: Network<Float>, data: PreparedData, step: Int, grid: Int) -> NeuronActivations {
    precondition(gridRange.contains(grid), "grid must be in \(gridRange)")
    var network = network
    let layout = network.layout
    let plane = Trainer.inputPlaneRanges(of: data.train).map { Plane(size: grid, xRange: $0.x, yRange: $0.y) }
    var outputs = layout.fanOut.map { _ in [Float]() }
    if let plane {
      var inputs = [Float](repeating: 0, count: 2 * grid * grid)
      for row in 0..<grid {
        for column in 0..<grid {
          let point = plane.point(row: row, column: column)
          inputs[2 * (row * grid + column)] = Float(point.x)
          inputs[2 * (row * grid + column) + 1] = Float(point.y)
        }
      }
      outputs = try! network.layerOutputs(inputs, count: grid * grid)
    }
    let layers = layout.fanOut.indices.map { layer in
      Layer(
        units: layout.fanOut[layer], inputs: layout.fanIn[layer], weights: network.weights(layer: layer),
        biases: network.bias(layer: layer), outputs: outputs[layer])
    }
    let train = data.train
    return NeuronActivations(
      step: step, layers: layers, plane: plane, inputNames: train.featureNames,
      inputImage: imageShape(inputs: train.featureCount, given: train.imageShape),
      classResponses: classResponses(&network, data: data))
  }

  /// The mean prediction of each output per class, over the validation split (or the training split
  /// when the validation split is empty); nil for regression.
  private static func classResponses(_ network: inout Network<Float>, data: PreparedData) -> ClassResponses? {
    let split = data.validation.count > 0 ? data.validation : data.train
    guard let classCount = network.architecture.head.classCount, split.count > 0 else { return nil }
    let width = network.architecture.head.outputWidth
    let predictions = try! network.predict(split.features, count: split.count)
    var sums = [Double](repeating: 0, count: classCount * width)
    var counts = [Int](repeating: 0, count: classCount)
    for sample in 0..<split.count {
      let label = Int(split.targets[sample * split.targetWidth])
      guard counts.indices.contains(label) else { continue }
      counts[label] += 1
      for output in 0..<width { sums[label * width + output] += Double(predictions[sample * width + output]) }
    }
    let means = sums.indices.map { index in
      counts[index / width] > 0 ? Float(sums[index] / Double(counts[index / width])) : .nan
    }
    let labels =
      split.classLabels.count == classCount ? split.classLabels : (0..<classCount).map { String($0) }
    return ClassResponses(labels: labels, outputs: width, means: means)
  }
}

extension NeuronActivations {
  /// The most weight multiplications one live refresh spends on the plane: grid^2 points times the
  /// network's weights stays under this, so a refresh costs about a millisecond.
  public static let liveWorkBudget = 1_000_000

  /// The live view's grid: 48 points a side (the large map's 2x2 samples a cell), fewer for large
  /// networks so grid^2 * `weightCount` stays within `liveWorkBudget`, and never below 8.
  public static func liveGridSize(weightCount: Int) -> Int {
    let affordable = Int((Double(liveWorkBudget) / Double(max(weightCount, 1))).squareRoot())
    return min(48, max(8, affordable))
  }
}
