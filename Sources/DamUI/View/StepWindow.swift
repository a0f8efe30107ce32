import DamScreen
import DamTraining

/// The steps the charts and the gradient history show: the whole run, or the most recent
/// `recentSteps` (`z` toggles).
struct StepWindow: Equatable {
  /// The length of the recent window: the newest points a `MetricSeries` keeps at full resolution.
  static let recentSteps = 1000

  /// The first and last step shown.
  let steps: ClosedRange<Int>
  /// Whether this is the recent window rather than the whole run.
  let isRecent: Bool
  /// Whether the window was stretched for ghost runs (`showingGhosts`).
  private(set) var includesGhosts = false

  /// The window for `zoom` over a run whose newest recorded step (or, before any, current step) is
  /// the latest in `history`.
  init(zoom: ChartZoom, history: TrainingHistory, step: Int) {
    let latest = max(history.trainingLoss.latest?.lastStep ?? step, 1)
    isRecent = zoom == .recent
    steps = (isRecent ? max(0, latest - Self.recentSteps) : 0)...latest
  }

  /// This window for a chart of the run that started at `runStart`, with ghosts of runs up to
  /// `ghostLength` steps long drawn from there: the whole-run window then starts at `runStart` and
  /// stretches to the longest ghost; the recent window stays as it is.
  func showingGhosts(from runStart: Int, ghostLength: Int) -> StepWindow {
    guard !isRecent else { return self }
    let start = min(runStart, steps.upperBound)
    var window = StepWindow(steps: start...max(steps.upperBound, start + ghostLength), isRecent: false)
    window.includesGhosts = ghostLength > 0
    return window
  }

  private init(steps: ClosedRange<Int>, isRecent: Bool) {
    self.steps = steps
    self.isRecent = isRecent
  }

  /// The panel title's description of the window.
  var caption: String {
    if isRecent { return "last \(Self.recentSteps) steps" }
    if includesGhosts { return "this run and ghosts" }
    return steps.lowerBound > 0 ? "this run" : "whole run"
  }
}

extension MetricSeries {
  /// The series inside `window`, summarised into at most `columns` min/mean/max buckets for a chart;
  /// columns no point falls into are left out.
  /// - Complexity: O(bucketCount + columns).
  func chartBuckets(in window: StepWindow, columns: Int) -> [ChartBucket] {
    resampled(over: window.steps, columns: columns).compactMap { bucket in
      bucket.map {
        ChartBucket(x: Double($0.firstStep + $0.lastStep) / 2, min: $0.minimum, mean: $0.mean, max: $0.maximum)
      }
    }
  }

  /// The means of the series inside `window` in at most `columns` samples, oldest first; a sample
  /// with any non-finite point is NaN so that it shows as such.
  /// - Complexity: O(bucketCount + columns).
  func sampledMeans(in window: StepWindow, columns: Int) -> [Double] {
    resampled(over: window.steps, columns: columns).compactMap { bucket in
      bucket.map { $0.containsNonFinite ? .nan : $0.mean }
    }
  }
}
