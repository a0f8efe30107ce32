import DamEngine

/// Everything a chart needs about the run so far, in bounded memory.
///
/// - the training (mini-batch) loss of every step;
/// - every evaluation: mean training and validation loss and accuracy over the whole splits;
/// - the data-loss gradient norm of every dense layer at every step that measured it (the layers x time
///   heatmap);
/// - a marker for every applied change (the newest `markerCapacity`).
///
/// Each series is a `MetricSeries`, so memory stays bounded however long the run.
public struct TrainingHistory: Sendable {
  /// Mini-batch data loss of every step, recorded at the step count before its update.
  public private(set) var trainingLoss: MetricSeries
  /// Mean training-split data loss at each evaluation.
  public private(set) var evaluationTrainingLoss: MetricSeries
  /// Mean validation-split data loss at each evaluation.
  public private(set) var validationLoss: MetricSeries
  /// Training-split accuracy at each evaluation (classification only).
  public private(set) var trainingAccuracy: MetricSeries
  /// Validation-split accuracy at each evaluation (classification only).
  public private(set) var validationAccuracy: MetricSeries
  /// Data-loss gradient norm of each dense layer, input side first, at every step that measured per-layer
  /// metrics (see `Trainer.metricsInterval`).
  public private(set) var gradientNorms: [MetricSeries]
  /// Applied changes, oldest first; the oldest are dropped beyond `markerCapacity`.
  public private(set) var markers: [ChangeMarker] = []
  /// The most markers kept.
  public let markerCapacity: Int

  /// An empty history for a network of `layerCount` dense layers.
  /// - Parameters:
  ///   - layerCount: dense layers (hidden + output).
  ///   - bucketsPerLevel: full-resolution points per loss series (see `MetricSeries`).
  ///   - layerBucketsPerLevel: full-resolution points per layer of the gradient heatmap.
  ///   - markerCapacity: markers kept.
  public init(layerCount: Int, bucketsPerLevel: Int = 1024, layerBucketsPerLevel: Int = 256, markerCapacity: Int = 1024)
  {
    let series = MetricSeries(bucketsPerLevel: bucketsPerLevel)
    trainingLoss = series
    evaluationTrainingLoss = series
    validationLoss = series
    trainingAccuracy = series
    validationAccuracy = series
    gradientNorms = Array(repeating: MetricSeries(bucketsPerLevel: layerBucketsPerLevel), count: layerCount)
    self.markerCapacity = markerCapacity
  }

  /// The heap bytes the history holds: every series' buckets and the markers with their text.
  public var allocatedBytes: Int {
    let series = [trainingLoss, evaluationTrainingLoss, validationLoss, trainingAccuracy, validationAccuracy]
    return (series + gradientNorms).reduce(0) { $0 + $1.allocatedBytes }
      + markers.capacity * MemoryLayout<ChangeMarker>.stride + markers.reduce(0) { $0 + $1.summary.utf8.count }
  }

  /// Records one training step: its mini-batch loss and, when the step measured them, each layer's
  /// gradient norm (`layers` input side first).
  public mutating func recordStep(_ step: Int, loss: Double, layers: [LayerMetrics]?) {
    trainingLoss.append(step: step, value: loss)
    guard let layers else { return }
    for layer in 0..<min(gradientNorms.count, layers.count) {
      gradientNorms[layer].append(step: step, value: layers[layer].gradientNorm)
    }
  }

  /// Starts the gradient-norm history afresh for a network of `layerCount` layers (after a rebuild).
  public mutating func restartLayers(count layerCount: Int) {
    let series = MetricSeries(bucketsPerLevel: gradientNorms.first?.bucketsPerLevel ?? 256)
    gradientNorms = Array(repeating: series, count: layerCount)
  }

  /// Records an evaluation of the weights after `step` updates; accuracies are nil for regression.
  public mutating func recordEvaluation(
    _ step: Int, trainingLoss train: Double, validationLoss validation: Double, trainingAccuracy trainAccuracy: Double?,
    validationAccuracy validAccuracy: Double?
  ) {
    evaluationTrainingLoss.append(step: step, value: train)
    validationLoss.append(step: step, value: validation)
    if let trainAccuracy { trainingAccuracy.append(step: step, value: trainAccuracy) }
    if let validAccuracy { validationAccuracy.append(step: step, value: validAccuracy) }
  }

  /// Records an applied change.
  public mutating func recordChange(_ marker: ChangeMarker) {
    if markers.count == markerCapacity { markers.removeFirst() }
    markers.append(marker)
  }
}
