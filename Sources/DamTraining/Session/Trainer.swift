import DamData
import DamEngine

/// The deterministic core of a training session: the network, the data, the step loop, evaluation, history,
/// diagnostics, checkpoints and the effect of every command. No threads and no clocks: the same preset
/// and the same commands at the same steps give bit-identical losses. `TrainingSession` runs one on its
/// queue; the headless runner drives one directly.
///
/// Steps are counted on the session's timeline (`step`): every training step adds one, and
/// re-initialization, reset and rewind do not turn it back, so change markers and recorded commands stay
/// in order. The learning-rate schedule counts the updates of the current weights (`network.step`).
public struct Trainer: Sendable {
  /// The settings asked for: the preset with every applied change.
  public internal(set) var preset: Preset
  /// The preset the session started from (`resetToPreset` returns to it).
  public let originalPreset: Preset
  /// The settings actually in force; differs from `preset` in the keys that wait for re-initialization.
  public internal(set) var active: Preset
  /// The network being trained.
  public internal(set) var network: Network<Float>
  /// The data being trained on.
  public internal(set) var data: PreparedData
  /// Training steps taken in this session.
  public internal(set) var step = 0
  /// The run's history for charts.
  public internal(set) var history: TrainingHistory
  /// The recent metrics the diagnostics read.
  public internal(set) var window: MetricWindow
  /// The findings of the latest evaluation, root cause first (`Diagnostics.causalOrder`).
  public internal(set) var findings: [Finding] = []
  /// The latest evaluation.
  public internal(set) var lastEvaluation: EvaluationReport?
  /// The lowest finite validation loss of the session and its step.
  public internal(set) var best: (loss: Double, step: Int)?
  /// The mini-batch loss of the latest step.
  public internal(set) var lastBatchLoss: Double?
  /// Whether a non-finite loss or gradient was seen since the weights were last (re)set.
  public internal(set) var diverged = false
  /// Whether the weights changed under the metrics (start, re-initialization, reset, rewind) since the
  /// last evaluation: the caller should evaluate before the next step.
  public internal(set) var needsEvaluation = true
  /// The parameters the current weights started from (start, re-initialization, reset): the loss
  /// landscape's alpha = 0.
  public internal(set) var initialParameters: [Float]
  /// The weights at the start and at each evaluation since they were last set, thinned: the landscape's
  /// path.
  public internal(set) var trajectory = WeightTrajectory()
  /// Steps between checkpoints.
  public let checkpointInterval: Int
  /// Updates of the current weights between two steps that measure per-layer metrics (the network's
  /// `metricsInterval`; 0: never, except where `trainStep(measuringLayers:)` asks). Measuring costs a few
  /// percent of a step, so the default measures one step in `defaultMetricsInterval`.
  public let metricsInterval: Int
  /// The default `metricsInterval`: at this cadence measuring costs about 1% of training time or less.
  public static let defaultMetricsInterval = 16
  var sampler: BatchSampler
  var checkpoints: CheckpointRing
  /// Settings before each applied change, newest last, for `rewind`.
  var undoStack: [Preset] = []
  private let diagnostics: Diagnostics
  /// The batch buffer for augmented batches [batch x features] and its targets.
  private var batchInputs: [Float] = []
  private var batchTargets: [Float] = []
  /// The metrics of a trial step on the current weights, until the first real step on them.
  private var trialMetrics: [LayerMetrics]?

  /// A trainer at step 0 of `preset`: data prepared and a network initialized from `preset.run.seed`.
  /// `prepared`, when given, must be `prepareData(preset)`'s result (a sweep prepares its data once for all
  /// its trials); nil prepares it here.
  /// - Throws: `SessionError` when the data cannot be prepared or the network cannot be built.
  public init(
    preset: Preset, checkpointInterval: Int = 250, checkpointCapacity: Int = 4,
    metricsInterval: Int = Trainer.defaultMetricsInterval, prepared: PreparedData? = nil
  ) throws(SessionError) {
    let data: PreparedData
    if let prepared { data = prepared } else { data = try Self.prepareData(preset) }
    try Self.checkBatchNorm(preset.model, data: data)
    var network = try Self.makeNetwork(preset, data: data)
    network.metricsInterval = metricsInterval
    self.metricsInterval = metricsInterval
    self.preset = preset
    originalPreset = preset
    active = preset
    self.data = data
    self.network = network
    initialParameters = network.parameters
    self.checkpointInterval = checkpointInterval
    history = TrainingHistory(layerCount: network.architecture.layerCount)
    window = MetricWindow(layerCount: network.architecture.layerCount)
    diagnostics = Diagnostics()
    checkpoints = CheckpointRing(capacity: checkpointCapacity)
    sampler = BatchSampler(count: data.train.count, network: &self.network)
    takeCheckpoint()
  }

  /// The settings that wait for `reinitialize`, as `section.key`.
  public var pendingKeys: [String] { SettingsDiff(from: active, to: preset).changes.map(\.key) }

  /// Completed passes over the training split.
  public var epoch: Int { sampler.epoch }

  /// The learning rate the next update will use.
  public var learningRate: Double { network.hyperparameters.learningRate(atStep: network.step) }

  /// Per-layer health, input side first: the latest measured training step's (see `metricsInterval`), or,
  /// before the first measured step on weights that were just set (start, re-initialization, reset,
  /// rewind), that of a trial step on a copy of the network: the gradients, activations and update the
  /// next step will have, with the update discarded.
  public var layerMetrics: [LayerMetrics] { trialMetrics ?? network.layerMetrics }

  /// Trains one step on the next batch, measuring per-layer metrics when `measuringLayers` or when the
  /// network's `metricsInterval` says so. Whether a step measures never changes the weights or losses.
  @discardableResult
  public mutating func trainStep(measuringLayers: Bool = false) -> StepResult {
    let batch = sampler.nextBatch(size: network.hyperparameters.batchSize, network: &network)
    let interval = network.metricsInterval
    if measuringLayers { network.metricsInterval = 1 }
    let result = Self.train(
      batch, order: sampler.order, data: data, network: &network, inputs: &batchInputs, targets: &batchTargets)
    if measuringLayers { network.metricsInterval = interval }
    lastBatchLoss = result.dataLoss
    let layers = result.measuredLayers ? network.layerMetrics : nil
    if layers != nil { trialMetrics = nil }
    window.recordStep(step, loss: result.dataLoss, layers: layers)
    history.recordStep(step, loss: result.dataLoss, layers: layers)
    step += 1
    if !result.isFinite { diverged = true }
    if !diverged && step % checkpointInterval == 0 { takeCheckpoint() }
    return result
  }

  /// Evaluates the current weights on both splits, updates history and findings, and returns the report.
  /// - Parameter samplesPerSecond: the throughput the caller measured since its previous evaluation.
  @discardableResult
  public mutating func evaluate(samplesPerSecond: Double) -> EvaluationReport {
    if needsEvaluation { measureTrialStep() }
    let training = try! network.evaluate(
      inputs: data.train.features, targets: data.train.targets, count: data.train.count)
    let validation = try! network.evaluate(
      inputs: data.validation.features, targets: data.validation.targets, count: data.validation.count)
    var report = EvaluationReport(
      step: step, epoch: epoch, learningRate: learningRate, trainingLoss: training.loss,
      validationLoss: validation.loss, regularizationLoss: network.regularizationLoss(),
      trainingAccuracy: training.accuracy, validationAccuracy: validation.accuracy,
      samplesPerSecond: samplesPerSecond, layers: layerMetrics)
    report.firstLayerZeroShare = Self.firstLayerZeroShare(of: network)
    window.recordEvaluation(report)
    window.recordRowSpreads(RowSpread.relativeSpreads(of: network))
    history.recordEvaluation(
      step, trainingLoss: training.loss, validationLoss: validation.loss, trainingAccuracy: training.accuracy,
      validationAccuracy: validation.accuracy)
    if !training.loss.isFinite || !validation.loss.isFinite { diverged = true }
    if validation.loss.isFinite, validation.loss < best?.loss ?? .infinity { best = (validation.loss, step) }
    findings = diagnostics.findings(
      in: window, architecture: network.architecture, learningRate: report.learningRate, settings: active)
    lastEvaluation = report
    trajectory.offer(step: step, parameters: network.parameters)
    needsEvaluation = false
    return report
  }

  /// One training step of `network` on the samples `order[batch]` of the training split, augmented
  /// (through the reused buffers `inputs` and `targets`) when the data asks for it.
  private static func train(
    _ batch: Range<Int>, order: [Int], data: PreparedData, network: inout Network<Float>, inputs: inout [Float],
    targets: inout [Float]
  ) -> StepResult {
    guard data.augmentation.isEnabled else {
      return order.withUnsafeBufferPointer { order in
        data.train.features.withUnsafeBufferPointer { features in
          data.train.targets.withUnsafeBufferPointer { targets in
            try! network.trainStep(
              samples: features, targets: targets, indices: UnsafeBufferPointer(rebasing: order[batch]))
          }
        }
      }
    }
    let width = data.train.featureCount
    let targetWidth = data.train.targetWidth
    inputs.removeAll(keepingCapacity: true)
    targets.removeAll(keepingCapacity: true)
    for index in order[batch] {
      inputs.append(contentsOf: data.train.features[index * width..<(index + 1) * width])
      targets.append(contentsOf: data.train.targets[index * targetWidth..<(index + 1) * targetWidth])
    }
    data.augmentation.apply(to: &inputs, rowCount: batch.count, generator: &network.generator)
    return try! network.trainStep(inputs: inputs, targets: targets, count: batch.count)
  }

  /// Measures the metrics of the current weights with a trial step on copies of the network and the
  /// sampler: the next step's batch, dropout masks and update, all discarded.
  private mutating func measureTrialStep() {
    var trial = network
    var trialSampler = sampler
    var inputs: [Float] = []
    var targets: [Float] = []
    trial.metricsInterval = 1
    let batch = trialSampler.nextBatch(size: trial.hyperparameters.batchSize, network: &trial)
    _ = Self.train(batch, order: trialSampler.order, data: data, network: &trial, inputs: &inputs, targets: &targets)
    trialMetrics = trial.layerMetrics
  }

  mutating func takeCheckpoint() {
    checkpoints.append(
      Checkpoint(step: step, network: network.snapshot(), sampler: sampler, preset: preset, active: active))
  }

  /// The data `preset` describes, prepared with its seed.
  static func prepareData(_ preset: Preset) throws(SessionError) -> PreparedData {
    do {
      return try preset.data.prepare(seed: preset.run.seed)
    } catch {
      throw SessionError("data: \(error)")
    }
  }

  /// The network `preset` describes for `data`, initialized from the preset's seed, on the threads of
  /// `run.threads` (`auto`: the cores beside the screen; headless callers resolve it first). It does not
  /// keep its weight gradients (`Network.keepsGradients`): a session reads only the per-layer metrics.
  static func makeNetwork(_ preset: Preset, data: PreparedData) throws(SessionError) -> Network<Float> {
    do {
      var network = try Network<Float>(
        architecture: preset.model.architecture(inputs: data.featureCount, head: data.outputHead),
        initializer: preset.model.initializer, hyperparameters: preset.training, seed: preset.run.seed)
      network.keepsGradients = false
      network.threads = preset.run.threads.count(headless: false)
      return network
    } catch {
      throw SessionError("model: \(error)")
    }
  }
}
