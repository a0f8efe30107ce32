/// One of the two runs after a fork (`f`): the main run, A, and the fork, B.
public enum Branch: Sendable, Hashable, CaseIterable {
  /// The run that was forked; the only one without a fork.
  case main
  /// The copy made by `f`.
  case fork

  /// The branch's letter on the screen: `A` or `B`.
  public var letter: String {
    switch self {
    case .main: "A"
    case .fork: "B"
    }
  }

  /// The other branch.
  public var other: Branch { self == .main ? .fork : .main }
}
