import DamEngine

/// The plane a 2-D loss landscape is drawn on.
public enum LandscapePlane: String, Sendable, CaseIterable {
  /// Two seeded random directions, filter-normalized to the current weights (Li et al. 2018).
  case random
  /// The two leading principal directions of the training path (Li et al. 2018, section 7).
  case path
}

/// How a loss landscape is computed.
public struct LandscapeSettings: Sendable, Equatable {
  /// Points along each axis of the 2-D grid (3...201).
  public var gridSize = 31
  /// The grid's half-width: [-range, range]^2 for the random plane; for the path plane, in units of the
  /// path's largest distance along each direction (1...).
  public var range = 1.0
  /// The plane of the 2-D grid.
  public var plane = LandscapePlane.random
  /// The seed of the random directions.
  public var seed: UInt64 = 1
  /// Points on a 1-D line (3...201).
  public var linePoints = 41
  /// The alphas of a 1-D line: from the start (0) past the end (1) on both sides.
  public var lineRange = -0.5...1.5

  /// The default settings: 31 x 31 over [-1, 1]^2 on random directions of seed 1, lines of 41 points over
  /// [-0.5, 1.5].
  public init() {}

  /// Checks every setting against its documented range.
  /// - Throws: `ConfigurationError` naming the setting, its value and what is allowed.
  public func validate() throws(ConfigurationError) {
    guard (3...201).contains(gridSize) else {
      throw ConfigurationError(key: "grid", value: String(gridSize), allowed: "3...201 points per axis")
    }
    guard range.isFinite, range > 0, range <= 100 else {
      throw ConfigurationError(key: "range", value: String(range), allowed: "a number in (0, 100]")
    }
    guard (3...201).contains(linePoints) else {
      throw ConfigurationError(key: "line_points", value: String(linePoints), allowed: "3...201 points")
    }
  }
}
