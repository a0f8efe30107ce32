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
    return network.withStoredParameters { parameters in
      (0..<layout.layerCount).map { layer in
        relativeSpread(
          units: layout.fanOut[layer], inputs: layout.fanIn[layer],
          weight: { unit, input in parameters[layout.storageIndex(layer: layer, unit: unit, input: input)] },
          bias: { unit in parameters[layout.biasOffset[layer] + unit] })
      }
    }
  }

  /// The relative spread of one layer of `units` units with `inputs` inputs each: `weight(unit, input)`
  /// and `bias(unit)` read its parameters.
  static func relativeSpread<Scalar: BinaryFloatingPoint>(
    units: Int, inputs: Int, weight: (Int, Int) -> Scalar, bias: (Int) -> Scalar
  ) -> Double {
    var largestDifference = 0.0
    var largestMagnitude = 0.0
    for unit in 0..<units {
      for input in 0...inputs {
        let value = Double(input < inputs ? weight(unit, input) : bias(unit))
        let first = Double(input < inputs ? weight(0, input) : bias(0))
        largestDifference = max(largestDifference, abs(value - first))
        largestMagnitude = max(largestMagnitude, abs(value))
      }
    }
    return largestMagnitude > 0 ? largestDifference / largestMagnitude : 0
  }
}
