import DamEngine
import DamTraining

/// What a training run's evaluations, changes and findings become in TensorBoard (`TrainingTags`).
public enum TrainingSummaries {
  /// The scalars of an evaluation: both losses, both accuracies (classification only), the learning
  /// rate, and each layer's gradient norm, weight norm and update ratio as the JSON line has them.
  public static func scalars(of report: EvaluationReport) -> SummaryValues {
    var values = SummaryValues()
    values.addScalar(report.trainingLoss, tag: TrainingTags.trainingLoss)
    values.addScalar(report.validationLoss, tag: TrainingTags.validationLoss)
    if let accuracy = report.trainingAccuracy { values.addScalar(accuracy, tag: TrainingTags.trainingAccuracy) }
    if let accuracy = report.validationAccuracy { values.addScalar(accuracy, tag: TrainingTags.validationAccuracy) }
    values.addScalar(report.learningRate, tag: TrainingTags.learningRate)
    for (index, layer) in report.layers.enumerated() {
      values.addScalar(layer.gradientNorm, tag: TrainingTags.gradientNorm(layer: index))
      values.addScalar(layer.weightNorm, tag: TrainingTags.weightNorm(layer: index))
      values.addScalar(layer.updateRatio, tag: TrainingTags.updateRatio(layer: index))
    }
    return values
  }

  /// Adds a histogram of each dense layer's weights and, once the current weights have had an update,
  /// of its weight gradient to `values`, from a snapshot of the network evaluated.
  ///
  /// The gradient is the network's `gradients`: the objective's (data loss plus L1/L2 terms, before
  /// clipping) of the latest step that wrote it. A trainer's network does not keep its gradients
  /// (`Network.keepsGradients`) only on steps of plain SGD without clipping that measure nothing; a step
  /// that measures per-layer metrics always writes them, as does every step of any other optimizer. So
  /// at a headless run's scheduled evaluations, whose last step measures, it is that step's gradient,
  /// and otherwise one at most `Trainer.metricsInterval` steps old. Before the first update of the
  /// current weights (step 0, after a re-initialization) no step has written one: no gradient histogram.
  static func addHistograms(of network: NetworkSnapshot, to values: inout SummaryValues) {
    guard let layout = network.layout else { return }
    network.parameters.withUnsafeBufferPointer { parameters in
      for layer in 0..<layout.layerCount {
        let weights = parameters[layout.weightOffset[layer]..<layout.weightOffset[layer] + layout.weightCount(layer)]
        values.addHistogram(Histogram(UnsafeBufferPointer(rebasing: weights)), tag: TrainingTags.weights(layer: layer))
      }
    }
    guard network.step > 0 else { return }
    network.withGradients { gradients in
      for layer in 0..<layout.layerCount {
        let gradient = gradients[layout.weightOffset[layer]..<layout.weightOffset[layer] + layout.weightCount(layer)]
        values.addHistogram(
          Histogram(UnsafeBufferPointer(rebasing: gradient)), tag: TrainingTags.gradients(layer: layer))
      }
    }
  }

  /// The text of findings: one Markdown list item each, "**id** (severity): evidence: fix", the
  /// evidence without a leading restatement of the id ("**saturation** (warning): 41% of layer 1's
  /// activations are stuck ...", not "... saturation: 41% ...").
  public static func text(of findings: [Finding]) -> String {
    findings.map { "- **\($0.id.rawValue)** (\($0.severity)): \(message(of: $0))" }.joined(separator: "\n")
  }

  /// `finding.message` without a leading "id: " ("exploding gradients: " for `exploding_gradients`).
  static func message(of finding: Finding) -> String {
    let restated = finding.id.rawValue.split(separator: "_").joined(separator: " ") + ": "
    guard finding.message.lowercased().hasPrefix(restated) else { return finding.message }
    return String(finding.message.dropFirst(restated.count))
  }

  /// The text of an applied command, as a recording names it: "set training.learning_rate=0.1",
  /// "reinitialize", "step 5".
  public static func text(of command: Command) -> String {
    switch command {
    case .set(let override): "set " + override.argument
    case .pause: "pause"
    case .resume: "resume"
    case .step(let count): "step \(count)"
    case .reinitialize: "reinitialize"
    case .resetToPreset: "reset_to_preset"
    case .rewind: "rewind"
    case .stop: "stop"
    }
  }
}
