import DamTraining

/// An overfit-one-batch check started with `o`: the branch whose weights it copies and the report so
/// far (nil until the first numbers arrive).
public struct OverfitCheckRun: Sendable, Equatable {
  /// The branch the check copies.
  public var branch: Branch
  /// The check's settings.
  public var settings: OverfitOneBatchSettings
  /// The numbers so far and, once finished, the verdict.
  public var report: OverfitOneBatchReport?

  /// A check of `branch` that has not reported yet.
  public init(branch: Branch, settings: OverfitOneBatchSettings) {
    self.branch = branch
    self.settings = settings
  }
}
