import DamEngine

extension Trainer {
  /// The share of `weights` within `EvaluationReport.zeroWeightTolerance` of zero; nil when empty.
  static func zeroShare<Weights: Collection<Float>>(_ weights: Weights) -> Double? {
    guard !weights.isEmpty else { return nil }
    let tolerance = Float(EvaluationReport.zeroWeightTolerance)
    let zeros = weights.count { abs($0) <= tolerance }
    return Double(zeros) / Double(weights.count)
  }

  /// The zero share of the weights of `network`'s first layer, read in place (no copy of the matrix: it
  /// runs at every evaluation).
  static func firstLayerZeroShare(of network: Network<Float>) -> Double? {
    let layout = network.layout
    let fanIn = layout.fanIn[0]
    return network.withStoredParameters { parameters in
      zeroShare(
        (0..<layout.weightCount(0)).lazy.map { index in
          parameters[layout.storageIndex(layer: 0, unit: index / fanIn, input: index % fanIn)]
        })
    }
  }
}
