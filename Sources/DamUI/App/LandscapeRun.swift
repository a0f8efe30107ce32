import DamTraining

/// A loss landscape opened with `e`: the branch whose weights it copies, the kind shown, the progress
/// and, once computed, the result.
public struct LandscapeRun: Sendable, Equatable {
  /// The branch the landscape copies.
  public var branch: Branch
  /// The landscape being computed or shown.
  public var kind: LandscapeKind
  /// Points computed and points in all (0 of 0 until the copy starts).
  public var progress: (done: Int, total: Int) = (0, 0)
  /// The computed landscape, once finished.
  public var result: LandscapeResult?
  /// Why it cannot be computed, if it cannot.
  public var failure: String?

  /// A landscape of `kind` on `branch` that has not reported yet.
  public init(branch: Branch, kind: LandscapeKind) {
    self.branch = branch
    self.kind = kind
  }

  public static func == (lhs: LandscapeRun, rhs: LandscapeRun) -> Bool {
    lhs.branch == rhs.branch && lhs.kind == rhs.kind && lhs.progress == rhs.progress && lhs.result == rhs.result
      && lhs.failure == rhs.failure
  }
}

extension AppState {
  /// `e`, and `v` or Enter in the view: opens the landscape view and computes `kind` on a copy of the
  /// edited branch, cancelling any computation under way. Training goes on meanwhile.
  mutating func startLandscape(_ kind: LandscapeKind) -> [Effect] {
    let branch = fork == nil ? Branch.main : editedBranch
    landscape = LandscapeRun(branch: branch, kind: kind)
    dialog = .landscape
    return [.startLandscape(branch, kind)]
  }
}
