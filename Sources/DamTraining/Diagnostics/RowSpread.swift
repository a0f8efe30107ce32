import DamEngine

/// How different the units of each dense layer are: the measure behind the `symmetry` rule.
///
/// For a layer with weights W [out x in] and bias b [out], let row i be unit i's incoming weights followed
/// by its bias. The relative spread is max over i, k of |row_i[k] - row_0[k]|, divided by the largest
/// |row_i[k]|: 0 exactly when every unit is identical (zero or constant init, never broken), about 1 for
/// random init. A layer whose parameters are all 0 has spread 0.
enum RowSpread {
  /// The relative spread of every dense layer of `network`, input side first.
  /// - Complexity: O(parameters), no allocation beyond the result.
  static func relativeSpreads<Scalar: EngineScalar>(of network: Network<Scalar>) -> [Double] {
    let layout = network.layout
    return network.withParameters { parameters in
      (0..<layout.layerCount).map { layer in
        relativeSpread(
          weights: UnsafeBufferPointer(rebasing: parameters[layout.weightOffset[layer]..<layout.biasOffset[layer]]),
          bias: UnsafeBufferPointer(
            rebasing: parameters[layout.biasOffset[layer]..<(layout.biasOffset[layer] + layout.fanOut[layer])]),
          columns: layout.fanIn[layer])
      }
    }
  }

  /// The relative spread of one layer: `weights` [rows x columns] row-major, `bias` [rows].
  static func relativeSpread<Scalar: BinaryFloatingPoint>(
    weights: UnsafeBufferPointer<Scalar>, bias: UnsafeBufferPointer<Scalar>, columns: Int
  ) -> Double {
    var largestDifference = 0.0
    var largestMagnitude = 0.0
    for row in 0..<bias.count {
      for column in 0...columns {
        let value = Double(column < columns ? weights[row * columns + column] : bias[row])
        let first = Double(column < columns ? weights[column] : bias[0])
        largestDifference = max(largestDifference, abs(value - first))
        largestMagnitude = max(largestMagnitude, abs(value))
      }
    }
    return largestMagnitude > 0 ? largestDifference / largestMagnitude : 0
  }
}
