// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512 (see `FloatVector+Memory.swift`).

/// The sums one SGD sweep takes (the fields of DamEngine's `UpdateSums`).
typealias SGDVectorSums = (
  weightSquares: Double, weightMagnitudes: Double, dataGradientSquares: Double, gradientSquares: Double,
  changeSquares: Double
)

/// The regularization and plain SGD update of a run of `Float` weights on `FloatVector`s, with every sum
/// in lanes: the same arithmetic per weight as the scalar kernels (`VectorReductions.addPenaltyGradient`,
/// `OptimizerKernel`), so the updated parameters are bit-identical to theirs at any vector width.
enum FloatSGDVectors {
  /// g <- g + l2 w + l1 sign(w) and, when `updates`, w <- w + step (g * scale) (step = -lr), over all
  /// `count` weights (the ragged end as a partial vector); returns sum w^2, sum |w| (when l1 > 0), the
  /// data gradient's sum g^2 (when `measures`), the regularized gradient's sum g^2 and, when `measures`
  /// and `updates`, sum (w_after - w_before)^2.
  static func sgd(
    weights w: UnsafeMutablePointer<Float>, gradients g: UnsafeMutablePointer<Float>, count: Int, step: Float,
    scale: Float, l1: Float, l2: Float, measures: Bool, updates: Bool
  ) -> SGDVectorSums {
    // One specialization of the loop per case (the flags are types), so the loop body has no branches:
    // without L1 (the common case) the sign and |w| are not computed; without measuring, neither the
    // data gradient's nor the change's squares.
    switch (l1 > 0, measures, updates) {
    case (true, true, true): return sgd(w, g, count, step, scale, l1, l2, Yes.self, Yes.self, Yes.self)
    case (true, true, false): return sgd(w, g, count, step, scale, l1, l2, Yes.self, Yes.self, No.self)
    case (true, false, true): return sgd(w, g, count, step, scale, l1, l2, Yes.self, No.self, Yes.self)
    case (true, false, false): return sgd(w, g, count, step, scale, l1, l2, Yes.self, No.self, No.self)
    case (false, true, true): return sgd(w, g, count, step, scale, 0, l2, No.self, Yes.self, Yes.self)
    case (false, true, false): return sgd(w, g, count, step, scale, 0, l2, No.self, Yes.self, No.self)
    case (false, false, true): return sgd(w, g, count, step, scale, 0, l2, No.self, No.self, Yes.self)
    case (false, false, false): return sgd(w, g, count, step, scale, 0, l2, No.self, No.self, No.self)
    }
  }

  /// A flag known at compile time, so that each combination gets its own loop.
  private protocol Flag { static var isSet: Bool { get } }
  private enum Yes: Flag { static var isSet: Bool { true } }
  private enum No: Flag { static var isSet: Bool { false } }

  /// The sums of `sgd` in lanes.
  struct LaneSums {
    var squares = FloatVector()
    var magnitudes = FloatVector()
    var dataGradientSquares = FloatVector()
    var gradientSquares = FloatVector()
    var changes = FloatVector()
  }

  /// The loop of `sgd` for one combination of flags.
  @inline(never)
  private static func sgd<UsesL1: Flag, Measures: Flag, Updates: Flag>(
    _ w: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ count: Int, _ step: Float, _ scale: Float,
    _ l1: Float, _ l2: Float, _: UsesL1.Type, _: Measures.Type, _: Updates.Type
  ) -> SGDVectorSums {
    let usesL1 = UsesL1.isSet
    let measures = Measures.isSet
    let updates = Updates.isSet
    var sums = LaneSums()
    run(&sums, w, g, g, count, step, scale, l1: l1, l2: l2, usesL1: usesL1, measures: measures, updates: updates)
    return totals(sums, usesL1: usesL1)
  }

  /// The update of `sgd` (updating, not measuring) over one run of `count` weights from their data
  /// gradient `dataGradients`, writing the regularized gradient to `gradients` when there is one, and
  /// adding to lane sums that the caller carries across runs: `BlockedGemm`'s weight-gradient epilogue
  /// calls it on each register tile of gradients it has just computed, while they are in L1.
  @inline(__always)
  static func update(
    run sums: inout LaneSums, weights w: UnsafeMutablePointer<Float>, dataGradients d: UnsafePointer<Float>,
    gradients g: UnsafeMutablePointer<Float>?, count: Int, step: Float, scale: Float, l1: Float, l2: Float
  ) {
    run(&sums, w, d, g, count, step, scale, l1: l1, l2: l2, usesL1: l1 > 0, measures: false, updates: true)
  }

  /// `update` over `count` weights: whole vectors, then the ragged end as a partial vector.
  @inline(__always)
  private static func run(
    _ sums: inout LaneSums, _ w: UnsafeMutablePointer<Float>, _ d: UnsafePointer<Float>,
    _ g: UnsafeMutablePointer<Float>?, _ count: Int, _ step: Float, _ scale: Float, l1: Float, l2: Float,
    usesL1: Bool, measures: Bool, updates: Bool
  ) {
    let lanes = FloatVector.scalarCount
    var i = 0
    while i + lanes <= count {
      update(
        &sums, w + i, d + i, g.map { $0 + i }, lanes: lanes, step, scale, l1: l1, l2: l2, usesL1: usesL1,
        measures: measures, updates: updates)
      i += lanes
    }
    if i < count {
      update(
        &sums, w + i, d + i, g.map { $0 + i }, lanes: count - i, step, scale, l1: l1, l2: l2, usesL1: usesL1,
        measures: measures, updates: updates)
    }
  }

  /// The totals of lane sums (|w| only when `usesL1`).
  static func totals(_ sums: LaneSums, usesL1: Bool) -> SGDVectorSums {
    (
      weightSquares: Double(sums.squares.sum()), weightMagnitudes: usesL1 ? Double(sums.magnitudes.sum()) : 0,
      dataGradientSquares: Double(sums.dataGradientSquares.sum()), gradientSquares: Double(sums.gradientSquares.sum()),
      changeSquares: Double(sums.changes.sum())
    )
  }

  /// One vector of `sgd` (the first `lanes` weights at `w`, their data gradient at `d`, the regularized
  /// gradient written to `g` when there is one); missing lanes of a partial vector load as 0 and add 0
  /// to every sum.
  @inline(__always)
  private static func update(
    _ sums: inout LaneSums, _ w: UnsafeMutablePointer<Float>, _ d: UnsafePointer<Float>,
    _ g: UnsafeMutablePointer<Float>?, lanes: Int, _ step: Float, _ scale: Float, l1: Float, l2: Float,
    usesL1: Bool, measures: Bool, updates: Bool
  ) {
    let weight = FloatVector(loading: w, count: lanes)
    sums.squares += weight * weight
    let dataGradient = FloatVector(loading: d, count: lanes)
    if measures { sums.dataGradientSquares += dataGradient * dataGradient }
    var gradient = dataGradient + l2 * weight
    if usesL1 {
      sums.magnitudes += FloatVector(bitPatterns: weight.bitPatterns & 0x7FFF_FFFF)
      let sign = FloatVector().replacing(with: 1, where: weight .> 0).replacing(with: -1, where: weight .< 0)
      gradient += l1 * sign
    }
    sums.gradientSquares += gradient * gradient
    if let g { gradient.store(to: g, count: lanes) }
    if updates {
      let updated = weight + step * (gradient * scale)
      if measures {
        let change = updated - weight
        sums.changes += change * change
      }
      updated.store(to: w, count: lanes)
    }
  }
}
