extension Network {
  /// Activation statistics of every layer's output H [rows x out] (before dropout; logits for the
  /// output layer), read right after the forward pass: mean, std, saturated fraction (sigmoid:
  /// H < 0.01 or H > 0.99; tanh: |H| > 0.99), dead fraction (relu: units with H = 0 for every row).
  mutating func measureActivations(rows: Int, storage s: NetworkStorage<Scalar>) {
    let layout = s.layout
    let activation = architecture.activation
    let alive = s.workspace + s.workspaceLayout.unitScratch
    let saturatedPerUnit = alive + s.workspaceLayout.unitWidth
    for layer in 0..<layout.layerCount {
      let width = layout.fanOut[layer]
      let h = s.workspace + s.workspaceLayout.preactivation[layer]
      let isHidden = layer < layout.layerCount - 1
      let n = rows * width
      let mean = Double(VectorReductions.sum(h, count: n)) / Double(n)
      let meanSquare = Double(VectorReductions.sumOfSquares(h, count: n)) / Double(n)
      layerMetrics[layer].activationMean = mean
      layerMetrics[layer].activationStd = max(0, meanSquare - mean * mean).squareRoot()
      // Per-unit counters over the batch: elementwise in j, so they vectorize.
      alive.update(repeating: 0, count: width)
      saturatedPerUnit.update(repeating: 0, count: width)
      for row in 0..<rows {
        let values = h + row * width
        switch activation {
        case .sigmoid:
          for j in 0..<width { saturatedPerUnit[j] += values[j] < 0.01 || values[j] > 0.99 ? 1 : 0 }
        case .tanh:
          for j in 0..<width { saturatedPerUnit[j] += abs(values[j]) > 0.99 ? 1 : 0 }
        case .relu:
          for j in 0..<width { alive[j] = values[j] > 0 ? 1 : alive[j] }
        case .leakyRelu, .elu, .linear:
          break
        }
      }
      let saturated = Double(VectorReductions.sum(saturatedPerUnit, count: width))
      layerMetrics[layer].saturatedFraction = isHidden && activation.saturates ? saturated / Double(n) : nil
      let dead = Double(width) - Double(VectorReductions.sum(alive, count: width))
      layerMetrics[layer].deadFraction = isHidden && activation.canDie ? dead / Double(width) : nil
    }
  }
}
