import DamEngine

/// The recent past the diagnostic rules look at: the newest training steps (the mini-batch loss of every
/// step, the per-layer metrics of the steps that measured them), the newest evaluations, the first
/// evaluation since (re-)initialization, the best validation loss and the latest row spread of each layer.
///
/// Per-layer metrics cost a few percent of a step, so a trainer measures them on some steps only (see
/// `Trainer.metricsInterval`); the window keeps the newest `stepCapacity` losses and, separately, the
/// newest `stepCapacity` layer samples, which then reach further back. Recording writes into
/// preallocated storage (no allocation), so it can run every step.
public struct MetricWindow: Sendable {
  /// The number of dense layers every layer sample describes.
  public let layerCount: Int
  /// The most steps kept, and the most layer samples kept.
  public let stepCapacity: Int
  /// The most evaluations kept.
  public let evaluationCapacity: Int

  private var stepNumbers: [Int]
  private var losses: [Double]
  private var newestSlot = -1
  private var layerStepNumbers: [Int]
  private var layerSlots: [LayerMetrics]
  private var newestLayerSlot = -1
  /// Steps recorded since creation or the last reset (more than the window holds, possibly).
  public private(set) var recordedStepCount = 0
  /// Layer samples recorded since creation or the last reset.
  public private(set) var recordedLayerSampleCount = 0
  /// Evaluations, oldest first: every one of the newest, and further back fewer and fewer, so that the
  /// window spans the whole run however often it evaluates (the gap between two kept evaluations grows
  /// with their age; see `recordEvaluation`).
  public private(set) var evaluations: [EvaluationReport] = []
  /// The first evaluation since creation or the last reset: the "initial" state of the current weights.
  public private(set) var initialEvaluation: EvaluationReport?
  /// The evaluation with the lowest finite validation loss since creation or the last reset.
  public private(set) var bestEvaluation: EvaluationReport?
  /// Each layer's latest relative row spread (see `RowSpread`), input side first; nil until measured.
  public private(set) var rowSpreads: [Double]?
  /// The evaluation the rules judge progress from: the initial one, or after a settings change
  /// (`markChange`) the newest one before it (the state the change found).
  public private(set) var baselineEvaluation: EvaluationReport?
  /// The evaluation with the lowest finite validation loss since the baseline, the baseline included.
  public private(set) var bestSinceBaseline: EvaluationReport?
  /// The step of the newest settings change; steps before it are not the changed run's trend.
  public private(set) var changeStep: Int?

  /// An empty window for a network of `layerCount` dense layers.
  public init(layerCount: Int, stepCapacity: Int = 256, evaluationCapacity: Int = 128) {
    precondition(stepCapacity >= 4 && evaluationCapacity >= 3, "the window is too small to show a trend")
    self.layerCount = layerCount
    self.stepCapacity = stepCapacity
    self.evaluationCapacity = evaluationCapacity
    stepNumbers = Array(repeating: 0, count: stepCapacity)
    losses = Array(repeating: 0, count: stepCapacity)
    layerStepNumbers = Array(repeating: 0, count: stepCapacity)
    layerSlots = Array(repeating: LayerMetrics(), count: stepCapacity * layerCount)
  }

  /// The number of steps held now.
  public var stepCount: Int { min(recordedStepCount, stepCapacity) }

  /// The number of layer samples held now.
  public var layerSampleCount: Int { min(recordedLayerSampleCount, stepCapacity) }

  /// Records one training step: the mini-batch loss before its update and, when the step measured them,
  /// the layers' metrics.
  /// - Precondition: `layers` is nil or has `layerCount` elements.
  public mutating func recordStep(_ step: Int, loss: Double, layers: [LayerMetrics]?) {
    newestSlot = newestSlot + 1 == stepCapacity ? 0 : newestSlot + 1
    stepNumbers[newestSlot] = step
    losses[newestSlot] = loss
    recordedStepCount += 1
    guard let layers else { return }
    precondition(layers.count == layerCount, "expected statistics for \(layerCount) layers")
    newestLayerSlot = newestLayerSlot + 1 == stepCapacity ? 0 : newestLayerSlot + 1
    layerStepNumbers[newestLayerSlot] = step
    let base = newestLayerSlot * layerCount
    for layer in 0..<layerCount { layerSlots[base + layer] = layers[layer] }
    recordedLayerSampleCount += 1
  }

  /// Records an evaluation; the first one since creation or reset becomes `initialEvaluation`.
  ///
  /// When the window is full it drops the evaluation whose removal leaves the smallest gap relative to
  /// its age (the oldest and the newest are never dropped), so the kept evaluations thin out
  /// geometrically with age: with `eval_every = 1` a 128-evaluation window still reaches thousands of
  /// steps back, which the plateau rules need.
  /// - Complexity: O(`evaluationCapacity`) once the window is full.
  public mutating func recordEvaluation(_ evaluation: EvaluationReport) {
    if initialEvaluation == nil { initialEvaluation = evaluation }
    if baselineEvaluation == nil { baselineEvaluation = evaluation }
    if evaluation.validationLoss.isFinite, evaluation.validationLoss < bestEvaluation?.validationLoss ?? .infinity {
      bestEvaluation = evaluation
    }
    if evaluation.validationLoss.isFinite,
      evaluation.validationLoss < bestSinceBaseline?.validationLoss ?? .infinity
    {
      bestSinceBaseline = evaluation
    }
    if evaluations.count == evaluationCapacity { evaluations.remove(at: thinningIndex(newestStep: evaluation.step)) }
    evaluations.append(evaluation)
  }

  /// The kept evaluation (neither the oldest nor the newest) whose removal leaves the smallest gap between
  /// its neighbours relative to its age at `newestStep`; the oldest such one on ties.
  private func thinningIndex(newestStep: Int) -> Int {
    var chosen = 1
    var smallest = Double.infinity
    for index in 1..<(evaluations.count - 1) {
      let gap = Double(evaluations[index + 1].step - evaluations[index - 1].step)
      let age = Double(newestStep - evaluations[index].step) + 1
      if gap / age < smallest {
        smallest = gap / age
        chosen = index
      }
    }
    return chosen
  }

  /// Records each layer's relative row spread, measured on the current weights (see `RowSpread`).
  /// - Precondition: `spreads.count == layerCount`.
  public mutating func recordRowSpreads(_ spreads: [Double]) {
    precondition(spreads.count == layerCount, "expected row spreads for \(layerCount) layers")
    rowSpreads = spreads
  }

  /// Notes a settings change at `step`: from now on the rules judge what happened since it. The baseline
  /// becomes the newest evaluation, or, when `sameData` is false (the data changed, so earlier losses
  /// measured other data), the next one.
  public mutating func markChange(atStep step: Int, sameData: Bool) {
    changeStep = step
    baselineEvaluation = sameData ? evaluations.last : nil
    bestSinceBaseline = baselineEvaluation.flatMap { $0.validationLoss.isFinite ? $0 : nil }
  }

  /// How many of the held steps were taken since the newest settings change (all of them when none).
  public var stepCountSinceChange: Int {
    guard let changeStep else { return stepCount }
    var count = 0
    while count < stepCount, stepNumber(age: count) >= changeStep { count += 1 }
    return count
  }

  /// Forgets everything: the weights changed under the window (re-initialization, rewind).
  public mutating func reset() {
    newestSlot = -1
    recordedStepCount = 0
    newestLayerSlot = -1
    recordedLayerSampleCount = 0
    evaluations.removeAll(keepingCapacity: true)
    initialEvaluation = nil
    bestEvaluation = nil
    rowSpreads = nil
    baselineEvaluation = nil
    bestSinceBaseline = nil
    changeStep = nil
  }

  /// The step number of the `age`-th newest step (0 is the newest).
  public func stepNumber(age: Int) -> Int { stepNumbers[slot(age: age)] }

  /// The mini-batch loss of the `age`-th newest step (0 is the newest).
  public func loss(age: Int) -> Double { losses[slot(age: age)] }

  /// The step number of the `age`-th newest layer sample (0 is the newest).
  public func layerStepNumber(age: Int) -> Int { layerStepNumbers[layerSlot(age: age)] }

  /// Layer `layer`'s metrics in the `age`-th newest layer sample (0 is the newest).
  public func layer(_ layer: Int, age: Int) -> LayerMetrics { layerSlots[layerSlot(age: age) * layerCount + layer] }

  /// How many of the newest layer samples were measured within the newest `steps` steps: at least one
  /// when any is held, so the newest sample always counts.
  public func recentLayerSampleCount(steps: Int) -> Int {
    guard layerSampleCount > 0 else { return 0 }
    let newestStep = max(stepCount > 0 ? stepNumber(age: 0) : 0, layerStepNumber(age: 0))
    var count = 1
    while count < layerSampleCount, newestStep - layerStepNumber(age: count) < steps { count += 1 }
    return count
  }

  /// The steps the held layer samples span, from the oldest to the newest inclusive (0 when none).
  public var layerSampleSpan: Int {
    layerSampleCount > 0 ? layerStepNumber(age: 0) - layerStepNumber(age: layerSampleCount - 1) + 1 : 0
  }

  /// The median over the steps with ages in `ages` of the mini-batch loss (the mean of the middle two for
  /// an even count): unlike the mean, a few unlucky batches (dropout, a small batch) cannot move it far.
  /// - Precondition: `ages` is not empty.
  public func medianLoss(ages: Range<Int>) -> Double {
    precondition(!ages.isEmpty, "the median of no steps")
    let sorted = ages.map(loss(age:)).sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The mean over the layer samples with ages in `ages` of a layer metric, for every layer.
  public func meanPerLayer(_ metric: (LayerMetrics) -> Double, ages: Range<Int>) -> [Double] {
    (0..<layerCount).map { layer in
      ages.reduce(0.0) { $0 + metric(self.layer(layer, age: $1)) } / Double(ages.count)
    }
  }

  private func slot(age: Int) -> Int {
    precondition(age >= 0 && age < stepCount, "step age \(age) outside the window of \(stepCount)")
    let slot = newestSlot - age
    return slot < 0 ? slot + stepCapacity : slot
  }

  private func layerSlot(age: Int) -> Int {
    precondition(
      age >= 0 && age < layerSampleCount, "layer sample age \(age) outside the window of \(layerSampleCount)")
    let slot = newestLayerSlot - age
    return slot < 0 ? slot + stepCapacity : slot
  }
}
