/// How the adjusting keys move one parameter's value.
enum StepRule: Sendable, Hashable {
  /// Along the R10 preferred numbers (about x1.26 a step, x10 a large step), within `lowest...highest`;
  /// when `allowsZero`, along the 1-2-5 series instead (three steps a decade, so 0 is a few presses
  /// away), a step down from `lowest` reaches 0 and a step up from 0 returns to `lowest`.
  case logarithmic(lowest: Double, highest: Double, allowsZero: Bool)
  /// For coefficients in [0, 1) such as momentum and the betas: 1 - value moves logarithmically between
  /// `closest` and 1, so 0.9 -> 0.92 -> 0.937 ... and a large step 0.9 -> 0.99 -> 0.999.
  case towardOne(closest: Double)
  /// In steps of `step` (`largeStep` for a large step), rounded to hundredths, clamped to `range`.
  case linear(step: Double, largeStep: Double, range: ClosedRange<Double>)
  /// Doubling and halving (x`largeFactor` for a large step), clamped to `range`.
  case doubling(largeFactor: Int, range: ClosedRange<Int>)

  /// The value one `step` from `value`, clamped to the rule's bounds.
  func apply(_ step: AdjustStep, to value: Double) -> Double {
    switch self {
    case .logarithmic(let lowest, let highest, let allowsZero):
      return Self.logStep(value, step, lowest: lowest, highest: highest, allowsZero: allowsZero)
    case .towardOne(let closest):
      let gap = Self.logStep(
        1 - value, AdjustStep(increase: !step.isIncrease, large: step.isLarge), lowest: closest, highest: 1,
        allowsZero: false)
      return PreferredNumbers.rounded(1 - gap)
    case .linear(let size, let largeSize, let range):
      let moved = value + (step.isIncrease ? 1 : -1) * (step.isLarge ? largeSize : size)
      return min(max((moved * 100).rounded() / 100, range.lowerBound), range.upperBound)
    case .doubling:
      return Double(apply(step, to: Int(value)))
    }
  }

  /// The integer one `step` from `value` for a `doubling` rule (other rules round their real result).
  func apply(_ step: AdjustStep, to value: Int) -> Int {
    guard case .doubling(let largeFactor, let range) = self else {
      return Int(apply(step, to: Double(value)).rounded())
    }
    let factor = step.isLarge ? largeFactor : 2
    let moved = step.isIncrease ? value.multipliedReportingOverflow(by: factor).partialValue : value / factor
    return min(max(moved, range.lowerBound), range.upperBound)
  }

  private static func logStep(
    _ value: Double, _ step: AdjustStep, lowest: Double, highest: Double, allowsZero: Bool
  ) -> Double {
    if step.isIncrease, value >= highest { return value }
    if value < lowest {
      if step.isIncrease { return lowest }
      return allowsZero ? 0 : value
    }
    let moved =
      step.isLarge
      ? PreferredNumbers.rounded(step.isIncrease ? value * 10 : value / 10)
      : PreferredNumbers.neighbour(
        of: value, upward: step.isIncrease,
        mantissas: allowsZero ? PreferredNumbers.coarseMantissas : PreferredNumbers.mantissas)
    if moved < lowest { return value > lowest ? lowest : (allowsZero ? 0 : lowest) }
    return min(moved, highest)
  }
}
