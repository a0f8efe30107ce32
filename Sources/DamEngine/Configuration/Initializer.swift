/// How weights are drawn at (re-)initialization. W has shape out x in; biases always start at 0.
///
/// Every random initializer is multiplied by `gain` (default 1), so "too small" and "too large"
/// initialization are one key away:
/// - `zeros`: W = 0 (every hidden unit identical: the symmetry lesson).
/// - `constant`: W = value (also symmetric); `gain` is ignored.
/// - `normal`: W ~ N(0, (gain * value)^2).
/// - `uniform`: W ~ U(-gain * value, +gain * value).
/// - `xavierUniform`: W ~ U(+-gain * sqrt(6 / (in + out))).
/// - `xavierNormal`: W ~ N(0, gain^2 * 2 / (in + out)).
/// - `heNormal`: W ~ N(0, gain^2 * 2 / in).
/// - `heUniform`: W ~ U(+-gain * sqrt(6 / in)).
/// - `lecunNormal`: W ~ N(0, gain^2 / in).
public struct Initializer: Sendable, Equatable, Hashable, Codable {
  /// The family of distributions.
  public enum Kind: String, CaseIterable, Sendable, Codable {
    case zeros
    case constant
    case normal
    case uniform
    case xavierUniform = "xavier-uniform"
    case xavierNormal = "xavier-normal"
    case heNormal = "he-normal"
    case heUniform = "he-uniform"
    case lecunNormal = "lecun-normal"

    /// Whether this kind draws random numbers (and so takes a gain).
    public var isRandom: Bool { self != .zeros && self != .constant }
  }

  /// The family.
  public var kind: Kind
  /// Multiplier on the standard deviation (normal kinds) or half-width (uniform kinds).
  public var gain: Double
  /// The constant for `constant`, sigma for `normal`, half-width a for `uniform`; unused otherwise.
  public var value: Double

  /// Creates an initializer; `value` defaults to 0.1 (a common sigma for plain normal init).
  public init(kind: Kind, gain: Double = 1, value: Double = 0.1) {
    self.kind = kind
    self.gain = gain
    self.value = value
  }
}
