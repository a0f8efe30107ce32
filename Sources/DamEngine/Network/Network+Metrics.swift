extension Network {
  /// Activation statistics of every layer's output H [rows x out] (before dropout; logits for the
  /// output layer), read right after the forward pass: mean, std, saturated fraction (sigmoid:
  /// H < 0.01 or H > 0.99; tanh: |H| > 0.99), dead fraction (relu: units with H = 0 for every row).
  mutating func measureActivations(rows: Int, storage s: NetworkStorage<Scalar>) {
    let layout = s.layout
    let activation = architecture.activation
    let alive = s.workspace + s.workspaceLayout.unitScratch
    for layer in 0..<layout.layerCount {
      let width = layout.fanOut[layer]
      let h = s.workspace + s.workspaceLayout.preactivation[layer]
      let isHidden = layer < layout.layerCount - 1
      var sum = 0.0
      var sumSquares = 0.0
      var saturated = 0
      alive.update(repeating: 0, count: width)
      for row in 0..<rows {
        let values = h + row * width
        for j in 0..<width {
          let value = values[j]
          sum += Double(value)
          sumSquares += Double(value * value)
          if value > 0 { alive[j] = 1 }
          if activation == .sigmoid && (value < 0.01 || value > 0.99) { saturated += 1 }
          if activation == .tanh && abs(value) > 0.99 { saturated += 1 }
        }
      }
      let n = Double(rows * width)
      let mean = sum / n
      layerMetrics[layer].activationMean = mean
      layerMetrics[layer].activationStd = max(0, sumSquares / n - mean * mean).squareRoot()
      layerMetrics[layer].saturatedFraction = isHidden && activation.saturates ? Double(saturated) / n : nil
      if isHidden && activation.canDie {
        var dead = 0
        for j in 0..<width where alive[j] == 0 { dead += 1 }
        layerMetrics[layer].deadFraction = Double(dead) / Double(width)
      } else {
        layerMetrics[layer].deadFraction = nil
      }
    }
  }
}
