#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The learning rate a range test suggests, which rule chose it, and where on the curve it lies.
///
/// The rule (`suggest(from:settings:)`), on the smoothed loss s_i, ignoring the warm-up of the moving
/// average, where it still leans on a few early losses: the first 1 / (1 - beta) points (50 with fastai's
/// beta 0.98) but at most `longestWarmUpFraction` of the planned steps, and at least `skippedFraction`.
/// 1. The edge: walking up the rates, the last point before s_i first exceeds (1 + `riseTolerance`) times
///    the lowest s so far (or turns non-finite): where the loss stops falling and turns up.
/// 2. If s fell clearly before the edge, by at least `clearFall` of its value at the first point
///    considered: the steepest descent (fastai's "steep"), lr_i of the most negative slope
///    (s_(i+1) - s_i) / (ln lr_(i+1) - ln lr_i) between the first point and the edge.
/// 3. Otherwise (a curve that stays flat within noise until it turns up, as when a network sits on a
///    plateau): the edge's rate divided by 10, one decade below where training turns unstable (fastai's
///    `lr_min` idea, made robust to flat curves). Steepest descent on a flat curve only finds noise.
///
/// Measured on the built-in presets (`docs/lr-find.md`): on `default`, steepest descent alone suggested
/// rates between 1e-6 and 1.4 and failed the 1,000-step comparison on 5 of 12 seeds; this rule passed 12.
public struct LearningRateSuggestion: Sendable, Equatable {
  /// Which branch of the rule gave the rate.
  public enum Rule: String, Sendable, Equatable, Hashable {
    /// The steepest descent of the smoothed loss against log(lr) before the edge.
    case steepestDescent = "steepest-descent"
    /// A tenth of the edge's rate: the curve had no clear descent.
    case tenthOfEdge = "tenth-of-edge"
  }

  /// The suggested learning rate.
  public var learningRate: Double
  /// Which branch of the rule gave it.
  public var rule: Rule
  /// The index in `LearningRateRangeResult.points` of the point the rate comes from: the steepest point,
  /// or the edge.
  public var step: Int
  /// The index of the edge: the last point before the smoothed loss turned up.
  public var edgeStep: Int

  /// Creates a suggestion.
  public init(learningRate: Double, rule: Rule, step: Int, edgeStep: Int) {
    self.learningRate = learningRate
    self.rule = rule
    self.step = step
    self.edgeStep = edgeStep
  }

  /// `learningRate` rounded to three significant digits: the value printed and applied.
  public var roundedLearningRate: Double {
    guard learningRate > 0, learningRate.isFinite else { return learningRate }
    let scale = pow(10, 2 - floor(log10(learningRate)))
    return (learningRate * scale).rounded() / scale
  }

  /// The least part of the planned steps ignored at the start of the curve (fastai: 10%).
  public static let skippedFraction = 0.1
  /// The largest part of the planned steps ignored as the moving average's warm-up.
  public static let longestWarmUpFraction = 0.25
  /// How far above its lowest value the smoothed loss may rise before the curve counts as turned up.
  public static let riseTolerance = 0.05
  /// The fall of the smoothed loss, as a fraction of its first value considered, that counts as a clear
  /// descent.
  public static let clearFall = 0.2

  /// The index of the first point the rule (and the sweep's divergence check) considers: the moving
  /// average's warm-up, 1 / (1 - beta) points but at most `longestWarmUpFraction` and at least
  /// `skippedFraction` of the planned steps, is skipped.
  public static func firstConsidered(settings: LearningRateRangeSettings) -> Int {
    let planned = Double(settings.steps)
    let warmUp = min((1 / (1 - settings.smoothing)).rounded(), (planned * longestWarmUpFraction).rounded(.down))
    return max(Int(planned * skippedFraction), Int(warmUp))
  }

  /// The suggestion for a curve (see the type's description); nil while no point before the edge exists
  /// (the loss turned up at once, or too few points so far).
  public static func suggest(from points: [LearningRateRangePoint], settings: LearningRateRangeSettings)
    -> LearningRateSuggestion?
  {
    let first = firstConsidered(settings: settings)
    guard first < points.count, points[first].smoothedLoss.isFinite else { return nil }
    var lowest = points[first].smoothedLoss
    var edge = first
    for index in (first + 1)..<points.count {
      let smoothed = points[index].smoothedLoss
      guard smoothed.isFinite, smoothed <= (1 + riseTolerance) * lowest else { break }
      lowest = min(lowest, smoothed)
      edge = index
    }
    guard edge > first else { return nil }
    let start = points[first].smoothedLoss
    if start - lowest >= clearFall * abs(start), let steepest = steepestDescent(in: points[first...edge]) {
      return LearningRateSuggestion(
        learningRate: points[steepest].learningRate, rule: .steepestDescent, step: steepest, edgeStep: edge)
    }
    return LearningRateSuggestion(
      learningRate: points[edge].learningRate / 10, rule: .tenthOfEdge, step: edge, edgeStep: edge)
  }

  /// The index of the left point of the most negative slope of the smoothed loss against ln(lr); nil
  /// when no slope is negative.
  private static func steepestDescent(in points: ArraySlice<LearningRateRangePoint>) -> Int? {
    var best: (index: Int, slope: Double)?
    for index in points.indices.dropLast() {
      let rise = points[index + 1].smoothedLoss - points[index].smoothedLoss
      let slope = rise / (log(points[index + 1].learningRate) - log(points[index].learningRate))
      guard slope.isFinite, slope < min(best?.slope ?? 0, 0) else { continue }
      best = (index, slope)
    }
    return best?.index
  }
}
