/// How healthy a magnitude (a gradient norm, a ratio) is relative to a ``HealthyBand``.
public enum Severity: Sendable, Hashable, CaseIterable {
  /// Inside the band.
  case healthy
  /// Below the band: the signal is vanishing.
  case vanishing
  /// Above the band: the signal is exploding.
  case exploding
  /// NaN or infinite.
  case nonFinite

  /// A one-character mark that carries the meaning without colour: blank, `v`, `!` or `?`.
  public var glyph: Character {
    switch self {
    case .healthy: " "
    case .vanishing: "v"
    case .exploding: "!"
    case .nonFinite: "?"
    }
  }

  /// A short word for labels and findings.
  public var label: String {
    switch self {
    case .healthy: "ok"
    case .vanishing: "vanishing"
    case .exploding: "exploding"
    case .nonFinite: "not finite"
    }
  }

  /// The colour of the severity: green, yellow, red, magenta.
  public var color: TerminalColor {
    switch self {
    case .healthy: .green
    case .vanishing: .yellow
    case .exploding: .red
    case .nonFinite: .magenta
    }
  }

  /// A style with the severity's colour (bold unless healthy).
  public var style: Style { Style(foreground: color, bold: self != .healthy) }
}

/// The range of magnitudes considered healthy, e.g. gradient norms in 1e-4...1e1.
public struct HealthyBand: Sendable, Hashable {
  /// The smallest healthy magnitude.
  public var lower: Double
  /// The largest healthy magnitude.
  public var upper: Double

  /// A band from `lower` to `upper` (both positive, lower below upper).
  public init(lower: Double, upper: Double) {
    precondition(lower > 0 && lower < upper, "a healthy band needs 0 < lower < upper")
    self.lower = lower
    self.upper = upper
  }

  /// The default band for per-layer gradient norms: 1e-4...1e1.
  public static let gradientNorms = HealthyBand(lower: 1e-4, upper: 1e1)

  /// The severity of `value` (its magnitude is compared; zero is vanishing).
  public func severity(of value: Double) -> Severity {
    guard value.isFinite else { return .nonFinite }
    let magnitude = abs(value)
    if magnitude < lower { return .vanishing }
    if magnitude > upper { return .exploding }
    return .healthy
  }
}
