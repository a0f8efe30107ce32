/// Something the diagnostics noticed about the run, in plain words, with what to try.
public struct Finding: Sendable, Equatable, Hashable {
  /// The rule that fired.
  public var id: FindingID
  /// How urgent it is.
  public var severity: Severity
  /// What was observed, with the numbers ("vanishing gradients in layers 1-4").
  public var evidence: String
  /// What to try ("try relu or he-normal").
  public var fix: String

  /// Creates a finding.
  public init(id: FindingID, severity: Severity, evidence: String, fix: String) {
    self.id = id
    self.severity = severity
    self.evidence = evidence
    self.fix = fix
  }

  /// Evidence and fix as one sentence: "vanishing gradients in layers 1-4: try relu or he-normal".
  public var message: String { "\(evidence): \(fix)" }

  /// How urgent a finding is (the colour it is shown in; findings are ordered by `Diagnostics.causalOrder`).
  public enum Severity: Int, Sendable, Comparable, CaseIterable {
    /// Worth knowing; training works.
    case info
    /// Training is impaired.
    case warning
    /// Training is broken.
    case critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
  }
}

/// The stable identifiers of the diagnostic rules, as written in the JSON output.
public enum FindingID: String, Sendable, CaseIterable, Hashable {
  case diverged
  case explodingGradients = "exploding_gradients"
  case vanishingGradients = "vanishing_gradients"
  case learningRateTooHigh = "lr_too_high"
  case learningRateTooLow = "lr_too_low"
  case symmetry
  case deadRelu = "dead_relu"
  case saturation
  case badInitLoss = "bad_init_loss"
  case overfitting
  case underfitting
}
