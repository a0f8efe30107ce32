/// How the validation samples of each class were classified, for the data panel.
public struct ConfusionCounts: Sendable, Equatable {
  /// The session step of the weights counted.
  public let step: Int
  /// `counts[actual][predicted]`: validation samples of class `actual` predicted as `predicted`.
  public let counts: [[Int]]
  /// The class names, in class order.
  public let labels: [String]

  /// Creates counts; `counts` is square with one row per label.
  public init(step: Int, counts: [[Int]], labels: [String]) {
    precondition(counts.count == labels.count && counts.allSatisfy { $0.count == labels.count }, "a square matrix")
    self.step = step
    self.counts = counts
    self.labels = labels
  }

  /// The fraction of samples on the diagonal (nil without samples).
  public var accuracy: Double? {
    let total = counts.joined().reduce(0, +)
    guard total > 0 else { return nil }
    return Double(counts.indices.reduce(0) { $0 + counts[$1][$1] }) / Double(total)
  }
}
