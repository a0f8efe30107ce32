/// What the gradient panel shows; `g` cycles through them in declaration order.
public enum GradientView: CaseIterable, Sendable, Hashable {
  /// Per-layer gradient norms as live bars on a log scale.
  case bars
  /// Layers x time heatmap of the gradient norms.
  case heatmap
  /// Per-layer health table: update/weight ratio, activation statistics, saturated and dead fractions.
  case health

  /// The view after this one, wrapping around.
  public var next: GradientView {
    let all = Self.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }

  /// The panel title for this view.
  public var title: String {
    switch self {
    case .bars: "Gradient norms"
    case .heatmap: "Gradient history"
    case .health: "Layer health"
    }
  }
}
