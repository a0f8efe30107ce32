import DamEngine

/// Directions in weight space for the loss landscape, as vectors [P] in `Network.parameters` order.
public enum LandscapeDirections {
  /// A random direction filter-normalized to `parameters` (Li et al. 2018, "Visualizing the Loss Landscape
  /// of Neural Nets", section 4): standard normal entries; each row of each weight matrix (one unit's
  /// incoming weights) rescaled to the norm of the same row of W, d_row * ||W_row|| / ||d_row||; bias,
  /// batch-normalization scale and shift entries zero.
  /// - Parameters:
  ///   - parameters: the weights W the direction is scaled to [P].
  ///   - layout: where each tensor lies in `parameters`.
  ///   - generator: draws the entries, in order.
  public static func filterNormalizedRandom(
    like parameters: [Float], layout: ParameterLayout, generator: inout SeededGenerator
  ) -> [Float] {
    var direction = [Float](repeating: 0, count: parameters.count)
    for layer in 0..<layout.layerCount {
      let offset = layout.weightOffset[layer]
      for index in offset..<offset + layout.weightCount(layer) { direction[index] = Float(generator.nextGaussian()) }
    }
    return filterNormalized(direction, to: parameters, layout: layout)
  }

  /// `direction` with each weight row rescaled to the norm of the same row of `parameters` (a row of
  /// zeros stays zero) and every bias and batch-normalization entry zero.
  public static func filterNormalized(_ direction: [Float], to parameters: [Float], layout: ParameterLayout) -> [Float]
  {
    var result = [Float](repeating: 0, count: direction.count)
    for layer in 0..<layout.layerCount {
      let fanIn = layout.fanIn[layer]
      for unit in 0..<layout.fanOut[layer] {
        let row = layout.weightOffset[layer] + unit * fanIn..<layout.weightOffset[layer] + (unit + 1) * fanIn
        var directionNorm = 0.0
        var weightNorm = 0.0
        for index in row {
          directionNorm += Double(direction[index]) * Double(direction[index])
          weightNorm += Double(parameters[index]) * Double(parameters[index])
        }
        guard directionNorm > 0 else { continue }
        let scale = (weightNorm / directionNorm).squareRoot()
        for index in row { result[index] = Float(Double(direction[index]) * scale) }
      }
    }
    return result
  }

  /// `end - start`, entry by entry.
  public static func difference(from start: [Float], to end: [Float]) -> [Float] {
    zip(end, start).map { $0 - $1 }
  }
}
