import DamTraining

/// The runs the run browser (`R`) lists, newest first, or why they could not be read.
public struct RunBrowserListing: Sendable, Equatable {
  /// The runs, newest first.
  public var entries: [RunEntry]
  /// Why the log folder could not be read, if it could not.
  public var problem: String?
}
