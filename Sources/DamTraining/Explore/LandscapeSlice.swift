import DamEngine

/// Where a landscape lies in weight space: the point at (0, 0), its directions and the coordinates to
/// evaluate, with the training path when the plane is the path's.
public struct LandscapeSlice: Sendable {
  /// The weights at (0, 0) [P].
  public var origin: [Float]
  /// The alpha direction [P].
  public var first: [Float]
  /// The beta direction [P]; nil for a line.
  public var second: [Float]?
  /// The alphas to evaluate.
  public var alphas: [Double]
  /// The betas to evaluate ([0] for a line).
  public var betas: [Double]
  /// The training path projected on the plane, oldest first (empty unless the plane is the path's).
  public var path: [LandscapePoint] = []

  /// The line from `start` (alpha = 0) through `end` (alpha = 1) at `settings`' line points
  /// (Goodfellow et al. 2015).
  public static func line(from start: [Float], to end: [Float], settings: LandscapeSettings) -> LandscapeSlice {
    LandscapeSlice(
      origin: start, first: LandscapeDirections.difference(from: start, to: end), second: nil,
      alphas: LandscapeGrid.evenlySpaced(settings.lineRange, count: settings.linePoints), betas: [0])
  }

  /// The 2-D plane around `trainer`'s current weights that `settings` ask for; nil for the path plane
  /// when the trajectory has fewer than two points away from the current weights.
  public static func plane(around trainer: Trainer, settings: LandscapeSettings) -> LandscapeSlice? {
    let weights = trainer.network.parameters
    switch settings.plane {
    case .random:
      return random(around: weights, layout: trainer.network.layout, settings: settings)
    case .path:
      let points = trainer.trajectory.points.map(\.parameters) + [weights]
      guard let plane = TrajectoryPlane(points: points, final: weights) else { return nil }
      let alphaExtent = plane.path.map { abs($0.alpha) }.max() ?? 0
      let betaExtent = plane.path.map { abs($0.beta) }.max() ?? 0
      let alphaHalf = settings.range * (alphaExtent > 0 ? 1.1 * alphaExtent : 1)
      let betaHalf = settings.range * (betaExtent > 0 ? 1.1 * betaExtent : 1)
      return LandscapeSlice(
        origin: weights, first: plane.first, second: plane.second,
        alphas: LandscapeGrid.evenlySpaced(-alphaHalf...alphaHalf, count: settings.gridSize),
        betas: LandscapeGrid.evenlySpaced(-betaHalf...betaHalf, count: settings.gridSize), path: plane.path)
    }
  }

  /// The plane around `weights` along two filter-normalized random directions drawn from `settings.seed`,
  /// over [-range, range]^2.
  public static func random(around weights: [Float], layout: ParameterLayout, settings: LandscapeSettings)
    -> LandscapeSlice
  {
    var generator = SeededGenerator(seed: settings.seed)
    let first = LandscapeDirections.filterNormalizedRandom(like: weights, layout: layout, generator: &generator)
    let second = LandscapeDirections.filterNormalizedRandom(like: weights, layout: layout, generator: &generator)
    let axis = LandscapeGrid.evenlySpaced(-settings.range...settings.range, count: settings.gridSize)
    return LandscapeSlice(origin: weights, first: first, second: second, alphas: axis, betas: axis)
  }
}

extension LossLandscape {
  /// The losses over `slice` (see `grid`).
  public func evaluate(
    _ slice: LandscapeSlice, validation: Bool = true, threads: Int = 1,
    cancellation: LandscapeCancellation = LandscapeCancellation(), progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) -> LandscapeGrid? {
    grid(
      origin: slice.origin, first: slice.first, second: slice.second, alphas: slice.alphas, betas: slice.betas,
      validation: validation, threads: threads, cancellation: cancellation, progress: progress)
  }
}
