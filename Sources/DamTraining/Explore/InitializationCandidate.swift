import DamEngine

/// One initializer the initialization survey compares.
public struct InitializationCandidate: Sendable, Equatable {
  /// The initializer (see `Initializer` for the formulas).
  public var initializer: Initializer
  /// Whether this is the run's own initializer (the one its weights were last drawn with).
  public var isCurrent: Bool

  /// A candidate.
  public init(initializer: Initializer, isCurrent: Bool = false) {
    self.initializer = initializer
    self.isCurrent = isCurrent
  }

  /// The survey's line-up: zeros, normal with sigma 0.01, normal with sigma 1, xavier-uniform, he-normal
  /// (gain 1 each), then `current`, the run's own initializer with its gain.
  public static func lineUp(current: Initializer) -> [InitializationCandidate] {
    [
      InitializationCandidate(initializer: Initializer(kind: .zeros)),
      InitializationCandidate(initializer: Initializer(kind: .normal, value: 0.01)),
      InitializationCandidate(initializer: Initializer(kind: .normal, value: 1)),
      InitializationCandidate(initializer: Initializer(kind: .xavierUniform)),
      InitializationCandidate(initializer: Initializer(kind: .heNormal)),
      InitializationCandidate(initializer: current, isCurrent: true),
    ]
  }

  /// A short name: `zeros`, `normal 0.01`, `uniform 0.5`, `constant 0.1`, `he-normal`, with `x2` for a
  /// gain other than 1 on a random initializer (`he-normal x1.5`).
  public var label: String {
    let kind = initializer.kind
    var name = kind.rawValue
    if kind == .normal || kind == .uniform || kind == .constant {
      name += " " + Self.number(initializer.value)
    }
    if kind.isRandom && initializer.gain != 1 { name += " x" + Self.number(initializer.gain) }
    return name
  }

  /// `value` with up to 4 significant digits and no trailing zeros ("0.01", "1", "1.5", "0.0001").
  private static func number(_ value: Double) -> String {
    var text = String(format: "%.4g", value)
    if text.contains(".") && !text.contains("e") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
