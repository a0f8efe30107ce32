/// One press of an adjusting key: which way, and whether it is a large step (Shift, PgUp/PgDn).
public struct AdjustStep: Sendable, Hashable {
  /// True to raise the value (or move to the next choice), false to lower it.
  public var isIncrease: Bool
  /// A large step: x10 on log scales, x8 for doubling values, a larger linear step.
  public var isLarge: Bool

  /// Creates a step.
  public init(increase: Bool, large: Bool = false) {
    self.isIncrease = increase
    self.isLarge = large
  }
}
