/// The sums a layer's activation statistics come from (`Network.measureActivations`).
struct ActivationSums {
  /// sum H.
  var sum: Double
  /// sum H^2.
  var sumOfSquares: Double
  /// Entries in the flat tails (sigmoid H < 0.01 or H > 0.99; tanh |H| > 0.99); 0 when not counted.
  var saturated: Double
  /// Units with H > 0 in some row; 0 when not counted.
  var aliveUnits: Double
}

/// The activation statistics of one layer output H [rows x columns] in `Float`, in one branch-free
/// pass of `FloatVector`s along each row (the ragged end of a row as a masked vector): sum H, sum H^2,
/// the count of saturated entries and, per unit, whether any row is positive.
enum FloatActivationStatistics {
  /// The sums of H [rows x columns] for `activation`: the saturated count when `saturation` (sigmoid
  /// and tanh only), the alive units when `liveness` (using `alive` [columns] as scratch).
  static func measure(
    _ activation: Activation, values: UnsafePointer<Float>, rows: Int, columns: Int, saturation: Bool,
    liveness: Bool, alive: UnsafeMutablePointer<Float>
  ) -> ActivationSums {
    switch activation {
    case .sigmoid where saturation:
      return pass(values, rows, columns, alive, liveness: false) { h in (h .< 0.01) .| (h .> 0.99) }
    case .tanh where saturation:
      return pass(values, rows, columns, alive, liveness: false) { h in
        FloatVector(bitPatterns: h.bitPatterns & 0x7FFF_FFFF) .> 0.99
      }
    case .relu where liveness:
      return pass(values, rows, columns, alive, liveness: true) { _ in SIMDMask() }
    default:
      return pass(values, rows, columns, alive, liveness: false) { _ in SIMDMask() }
    }
  }

  /// One pass; `saturates` tells which lanes are in the flat tails (none: `SIMDMask()`), and when
  /// `liveness`, `alive` [columns] ends 1 for units positive in some row and 0 for the others.
  @inline(__always)
  private static func pass(
    _ h: UnsafePointer<Float>, _ rows: Int, _ columns: Int, _ alive: UnsafeMutablePointer<Float>, liveness: Bool,
    saturates: (FloatVector) -> SIMDMask<SIMD8<Int32>>
  ) -> ActivationSums {
    let lanes = FloatVector.scalarCount
    let whole = columns / lanes * lanes
    let rest = columns - whole
    let inRest = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Int32>(repeating: Int32(rest))
    var sum = FloatVector()
    var squares = FloatVector()
    var saturated = FloatVector()
    if liveness { alive.update(repeating: 0, count: columns) }
    for row in 0..<rows {
      let values = h + row * columns
      var j = 0
      while j < whole {
        let v = FloatVector(loading: values + j)
        sum += v
        squares += v * v
        saturated = saturated.replacing(with: saturated + 1, where: saturates(v))
        if liveness { FloatVector(loading: alive + j).replacing(with: 1, where: v .> 0).store(to: alive + j) }
        j += lanes
      }
      if rest > 0 {
        // Missing lanes load as 0: they add nothing to the sums, and `inRest` keeps them out of the count.
        let v = FloatVector(loading: values + j, count: rest)
        sum += v
        squares += v * v
        saturated = saturated.replacing(with: saturated + 1, where: saturates(v) .& inRest)
        if liveness {
          FloatVector(loading: alive + j, count: rest).replacing(with: 1, where: v .> 0).store(
            to: alive + j, count: rest)
        }
      }
    }
    var aliveUnits = 0.0
    if liveness { aliveUnits = Double(VectorReductions.sum(UnsafePointer(alive), count: columns)) }
    return ActivationSums(
      sum: Double(sum.sum()), sumOfSquares: Double(squares.sum()), saturated: Double(saturated.sum()),
      aliveUnits: aliveUnits)
  }
}
