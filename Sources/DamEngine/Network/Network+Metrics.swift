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
      let saturation = isHidden && activation.saturates
      let liveness = isHidden && activation.canDie
      let sums: ActivationSums
      if Scalar.self == Float.self {
        // Float only: generic SIMD code is not vectorized. The casts are the identity here.
        sums = FloatActivationStatistics.measure(
          activation, values: UnsafeRawPointer(h).assumingMemoryBound(to: Float.self), rows: rows, columns: width,
          saturation: saturation, liveness: liveness,
          alive: UnsafeMutableRawPointer(alive).assumingMemoryBound(to: Float.self))
      } else {
        sums = Self.activationSums(
          activation, values: h, rows: rows, columns: width, saturation: saturation, liveness: liveness,
          alive: alive, saturatedPerUnit: alive + s.workspaceLayout.unitWidth)
      }
      let n = Double(rows * width)
      let mean = sums.sum / n
      layerMetrics[layer].activationMean = mean
      layerMetrics[layer].activationStd = max(0, sums.sumOfSquares / n - mean * mean).squareRoot()
      layerMetrics[layer].saturatedFraction = saturation ? sums.saturated / n : nil
      layerMetrics[layer].deadFraction = liveness ? (Double(width) - sums.aliveUnits) / Double(width) : nil
    }
  }

  /// The generic counterpart of `FloatActivationStatistics.measure`, with per-unit counters over the
  /// batch (elementwise in j) in `alive` and `saturatedPerUnit` [columns].
  private static func activationSums(
    _ activation: Activation, values h: UnsafePointer<Scalar>, rows: Int, columns width: Int, saturation: Bool,
    liveness: Bool, alive: UnsafeMutablePointer<Scalar>, saturatedPerUnit: UnsafeMutablePointer<Scalar>
  ) -> ActivationSums {
    let n = rows * width
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
    return ActivationSums(
      sum: Double(VectorReductions.sum(h, count: n)), sumOfSquares: Double(VectorReductions.sumOfSquares(h, count: n)),
      saturated: saturation ? Double(VectorReductions.sum(saturatedPerUnit, count: width)) : 0,
      aliveUnits: liveness ? Double(VectorReductions.sum(alive, count: width)) : 0)
  }
}
