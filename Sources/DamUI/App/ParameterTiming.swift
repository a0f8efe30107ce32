/// When a changed parameter takes effect in the running session.
public enum ParameterTiming: Sendable, Hashable {
  /// At the next step boundary.
  case live
  /// When the weights are next drawn (`i` re-initializes); shown as pending until then.
  case onReinitialization
}
