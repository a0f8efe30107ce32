import DamEngine

/// The overfit-one-batch check (Karpathy, "A Recipe for Training Neural Networks"): train a copy of the
/// network on one fixed batch with L1, L2 and dropout off until its loss on that batch falls to
/// `targetFraction` of the batch's baseline (``BatchBaseline``: the loss of the best constant prediction),
/// or of its starting loss when that baseline is 0. Judged on the batch alone, a network that has already
/// trained far passes as a fresh one does. A network that cannot memorise a few dozen samples has a bug,
/// too little capacity or a bad learning rate, and no amount of training on the full data will help.
///
/// The batch is the first `batchSize` samples of a shuffle of the training split (drawn with the copy's
/// generator), without augmentation, so every step sees exactly the same inputs. Every other setting
/// (optimizer and its moments, learning rate and schedule, clipping, activation) is the trainer's. The
/// trainer given is never touched. Run it in one call (`run`) or a step at a time (`advance`).
public struct OverfitOneBatchCheck: Sendable {
  /// How the check runs.
  public let settings: OverfitOneBatchSettings
  /// The numbers so far and, once finished, the verdict.
  public private(set) var report: OverfitOneBatchReport
  private var network: Network<Float>
  private let inputs: [Float]
  private let targets: [Float]

  /// A check on a copy of `trainer`'s network and training split.
  /// - Throws: `ConfigurationError` when `settings` are outside their documented ranges or the training
  ///   split is empty.
  public init(trainer: Trainer, settings: OverfitOneBatchSettings = OverfitOneBatchSettings())
    throws(ConfigurationError)
  {
    try settings.validate()
    let train = trainer.data.train
    guard train.count > 0 else {
      throw ConfigurationError(key: "data", value: "0 training samples", allowed: "at least one training sample")
    }
    var network = trainer.network
    var hyperparameters = network.hyperparameters
    hyperparameters.l1 = 0
    hyperparameters.l2 = 0
    hyperparameters.dropout = 0
    hyperparameters.dropoutPerLayer = []
    try network.setHyperparameters(hyperparameters)
    network.metricsInterval = 0
    let batch = ShuffledBatch(of: train, size: settings.batchSize ?? hyperparameters.batchSize, network: &network)
    let (inputs, targets, size) = (batch.inputs, batch.targets, batch.count)
    let initial = try! network.evaluate(inputs: inputs, targets: targets, count: size)
    let baseline = BatchBaseline.loss(
      targets: targets, count: size, targetWidth: train.targetWidth, head: network.architecture.head)
    let reference = baseline > 0 ? baseline : initial.loss
    self.settings = settings
    self.network = network
    self.inputs = inputs
    self.targets = targets
    report = OverfitOneBatchReport(
      verdict: initial.loss.isFinite ? nil : .diverged, batchSize: size, steps: 0, initialLoss: initial.loss,
      lowestLoss: initial.loss, finalLoss: initial.loss, targetLoss: settings.targetFraction * reference,
      finalAccuracy: initial.loss.isFinite ? nil : initial.accuracy, losses: [])
  }

  /// Whether the check has reached its verdict.
  public var isFinished: Bool { report.verdict != nil }

  /// The fraction of the step budget used, in [0, 1]; 1 once finished, even after an early stop.
  public var progress: Double { isFinished ? 1 : Double(report.steps) / Double(settings.steps) }

  /// Trains one step on the batch and returns its loss (before the update); nil once finished.
  @discardableResult
  public mutating func advance() -> Double? {
    guard report.verdict == nil else { return nil }
    let step = try! network.trainStep(inputs: inputs, targets: targets, count: report.batchSize)
    report.steps += 1
    report.losses.append(step.dataLoss)
    report.finalLoss = step.dataLoss
    if step.dataLoss < report.lowestLoss { report.lowestLoss = step.dataLoss }
    if !step.isFinite {
      finish(.diverged)
    } else if step.dataLoss <= report.targetLoss || report.steps >= settings.steps {
      let final = try! network.evaluate(inputs: inputs, targets: targets, count: report.batchSize)
      report.finalLoss = final.loss
      report.finalAccuracy = final.accuracy
      if final.loss < report.lowestLoss { report.lowestLoss = final.loss }
      finish(!final.loss.isFinite ? .diverged : report.lowestLoss <= report.targetLoss ? .memorised : .stalled)
    }
    return step.dataLoss
  }

  /// Runs the check to its verdict.
  /// - Parameter onStep: called with every step's loss.
  /// - Returns: the finished report.
  public mutating func run(onStep: (Double) -> Void = { _ in }) -> OverfitOneBatchReport {
    while let loss = advance() { onStep(loss) }
    return report
  }

  private mutating func finish(_ verdict: OverfitOneBatchVerdict) {
    report.verdict = verdict
  }
}
