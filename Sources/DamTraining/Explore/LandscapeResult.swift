/// Which loss landscape the screen shows.
public enum LandscapeKind: String, Sendable, Hashable, CaseIterable {
  /// The line from the initial weights (alpha = 0) through the current ones (alpha = 1); when forked,
  /// also the line from branch A (0) to branch B (1).
  case line
  /// The 2-D map along two filter-normalized random directions.
  case random
  /// The 2-D map on the plane of the training path, with the path.
  case path

  /// The kind after this one (`line`, `random`, `path`, then `line` again).
  public var next: LandscapeKind {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  /// A short name for the screen.
  public var label: String {
    switch self {
    case .line: "1-D line"
    case .random: "2-D random directions"
    case .path: "2-D training path"
    }
  }
}

/// A computed landscape of one kind.
public struct LandscapeResult: Sendable, Equatable {
  /// What was computed.
  public var kind: LandscapeKind
  /// The losses: the line from the initial to the current weights, or the 2-D grid around the current
  /// weights.
  public var grid: LandscapeGrid
  /// The line from branch A to branch B, for a `line` of a forked run.
  public var branchLine: LandscapeGrid?
  /// The training path on the plane, for `path`.
  public var path: [LandscapePoint]
  /// The session step of the weights.
  public var step: Int

  /// Computes `kind` on a copy of `trainer`'s weights; for a `line`, `branches` (the two branches of a
  /// fork) add the line from branch A (alpha = 0) to branch B (alpha = 1).
  /// - Parameters:
  ///   - threads: workers evaluating points in parallel.
  ///   - cancellation: stops the computation (the result is then nil).
  ///   - progress: (points done, points in all), from the workers.
  /// - Throws: `SessionError` when the path plane has too few points yet.
  public static func compute(
    _ kind: LandscapeKind, trainer: Trainer, branches: (a: Trainer, b: Trainer)? = nil,
    settings: LandscapeSettings = LandscapeSettings(),
    threads: Int = 1, cancellation: LandscapeCancellation, progress: @escaping @Sendable (Int, Int) -> Void
  ) throws(SessionError) -> LandscapeResult? {
    let landscape = LossLandscape(trainer: trainer)
    let weights = trainer.network.parameters
    switch kind {
    case .line:
      let line = LandscapeSlice.line(from: trainer.initialParameters, to: weights, settings: settings)
      let branches = branches.flatMap { branches in
        branches.a.network.layout == branches.b.network.layout
          ? LandscapeSlice.line(
            from: branches.a.network.parameters, to: branches.b.network.parameters, settings: settings) : nil
      }
      let total = line.alphas.count * (branches == nil ? 1 : 2)
      guard
        let grid = landscape.evaluate(
          line, threads: threads, cancellation: cancellation, progress: { done, _ in progress(done, total) })
      else { return nil }
      var branchLine: LandscapeGrid?
      if let branches {
        let offset = line.alphas.count
        guard
          let computed = LossLandscape(trainer: trainer).evaluate(
            branches, threads: threads, cancellation: cancellation,
            progress: { done, _ in progress(offset + done, total) })
        else { return nil }
        branchLine = computed
      }
      return LandscapeResult(kind: kind, grid: grid, branchLine: branchLine, path: [], step: trainer.step)
    case .random, .path:
      var planeSettings = settings
      planeSettings.plane = kind == .path ? .path : .random
      guard let slice = LandscapeSlice.plane(around: trainer, settings: planeSettings) else {
        throw SessionError("no training path yet: train past a few evaluations first")
      }
      guard
        let grid = landscape.evaluate(
          slice, validation: false, threads: threads, cancellation: cancellation, progress: progress)
      else { return nil }
      return LandscapeResult(kind: kind, grid: grid, branchLine: nil, path: slice.path, step: trainer.step)
    }
  }
}
