/// How much of the run the loss chart shows; `z` toggles.
public enum ChartZoom: Sendable, Hashable {
  /// Every step since the start.
  case wholeRun
  /// Only the most recent steps.
  case recent

  /// The other zoom.
  public var toggled: ChartZoom { self == .wholeRun ? .recent : .wholeRun }
}
