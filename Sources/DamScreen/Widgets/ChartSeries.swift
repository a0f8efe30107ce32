/// One sample of a series: a value `y` at step `x`.
public struct ChartPoint: Sendable, Hashable {
  /// The step (or any increasing x).
  public var x: Double
  /// The value; NaN, infinite (and, on a log scale, non-positive) values leave a gap.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A downsampled stretch of a series: the minimum, mean and maximum of the samples it replaces.
public struct ChartBucket: Sendable, Hashable {
  /// The bucket's step (e.g. its first or middle step).
  public var x: Double
  /// The smallest value in the bucket.
  public var min: Double
  /// The mean of the bucket.
  public var mean: Double
  /// The largest value in the bucket.
  public var max: Double

  /// Creates a bucket.
  public init(x: Double, min: Double, mean: Double, max: Double) {
    self.x = x
    self.min = min
    self.mean = mean
    self.max = max
  }
}

/// A named series for a ``LineChart``.
///
/// A series is either raw points or min/mean/max buckets (downsampled history). Buckets draw their
/// mean as the series' line and their min...max spread as a dim band behind all lines, shown only in
/// cells no line passes through, so the lines stay readable.
public struct ChartSeries: Sendable, Hashable {
  /// The samples of a series.
  public enum Samples: Sendable, Hashable {
    /// Raw points.
    case points([ChartPoint])
    /// Downsampled buckets.
    case buckets([ChartBucket])
  }

  /// How a series is drawn, distinguishable without colour.
  public enum Stroke: Sendable, Hashable {
    /// Consecutive points joined by a line (e.g. training loss).
    case line
    /// Each point on its own, unjoined (e.g. validation loss, evaluated now and then).
    case points
    /// One character per plot column at the column's mean value (e.g. `1` for an earlier run, `+` for a
    /// fork): coarser than a line, but it tells curves apart on any terminal, with or without colour.
    case marks(Character)
    /// Faint dots at each bucket's mean, dim, in cells no line passes through (e.g. the raw batch losses
    /// behind their smoothed curve); it never sets the chart's y range.
    case faint
  }

  /// The name shown in the legend.
  public var label: String
  /// The samples.
  public var samples: Samples
  /// Line or points.
  public var stroke: Stroke
  /// The colour and attributes of the series.
  public var style: Style
  /// Whether the series' marks stay behind every other series (drawn only where none is), as for an
  /// earlier run's curve; otherwise marks go over lines. Lines and points ignore it.
  public var isBackground: Bool

  /// A series from samples.
  public init(
    label: String, samples: Samples, stroke: Stroke = .line, style: Style = .plain, isBackground: Bool = false
  ) {
    self.label = label
    self.samples = samples
    self.stroke = stroke
    self.style = style
    self.isBackground = isBackground
  }

  /// A series from `(x, y)` pairs.
  public init(label: String, points: [(x: Double, y: Double)], stroke: Stroke = .line, style: Style = .plain) {
    self.init(label: label, samples: .points(points.map { ChartPoint(x: $0.x, y: $0.y) }), stroke: stroke, style: style)
  }

  /// Whether the series sets the chart's y range: background and faint series are clipped to the range
  /// the others set, so a far-off earlier run or a noisy batch loss cannot squash the live curves.
  var setsRange: Bool { !isBackground && stroke != .faint }

  /// The mark a `marks` series is drawn with; nil for lines and points.
  var mark: Character? {
    if case .marks(let character) = stroke { return character }
    return nil
  }

  /// The values the line follows: the points, or the bucket means.
  public var linePoints: [ChartPoint] {
    switch samples {
    case .points(let points): points
    case .buckets(let buckets): buckets.map { ChartPoint(x: $0.x, y: $0.mean) }
    }
  }

  /// The last drawable value on `scale`, for the legend.
  func latestValue(on scale: AxisScale) -> Double? {
    linePoints.last { scale.accepts($0.y) && $0.x.isFinite }?.y
  }
}

/// A vertical line across a chart at step `x`, with a short label (e.g. "lr 0.1->0.01").
public struct ChartMarker: Sendable, Hashable {
  /// The step.
  public var x: Double
  /// The text shown at the top of the line.
  public var label: String

  /// Creates a marker.
  public init(x: Double, label: String) {
    self.x = x
    self.label = label
  }
}

/// A point called out on a chart with `*` and a label (e.g. the best validation loss).
public struct ChartHighlight: Sendable, Hashable {
  /// The step.
  public var x: Double
  /// The value.
  public var y: Double
  /// The text shown beside the mark, e.g. "best 0.031".
  public var label: String

  /// Creates a highlight.
  public init(x: Double, y: Double, label: String) {
    self.x = x
    self.y = y
    self.label = label
  }
}
