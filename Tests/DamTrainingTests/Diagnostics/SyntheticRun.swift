import DamEngine
import Foundation

@testable import DamTraining

/// A synthetic stream of training metrics for the diagnostic rules: a healthy run by default, with
/// each aspect replaceable by a closure of the step.
struct SyntheticRun {
  var architecture = NetworkArchitecture(inputs: 2, hidden: [8, 8, 8], activation: .tanh, head: .binary)
  var steps = 1_000
  var evaluateEvery = 50
  /// Steps between two steps that measure per-layer metrics.
  var measureEvery = 1
  /// Mini-batch loss at a step: falls from ln 2 toward 0.1, with a little deterministic noise.
  var loss: (Int) -> Double = { step in
    let trend: Double = 0.59 * exp(-Double(step) / 300)
    let noise: Double = 1 + 0.05 * sin(Double(step))
    return 0.1 + trend * noise
  }
  /// Evaluated training loss at a step.
  var trainingLoss: (Int) -> Double = { step in 0.1 + 0.59 * exp(-Double(step) / 300) }
  /// Evaluated validation loss at a step: a little above the training loss, still falling.
  var validationLoss: (Int) -> Double = { step in 0.15 + 0.54 * exp(-Double(step) / 300) }
  /// Accuracy at a step (training and validation alike).
  var accuracy: (Int) -> Double = { step in 0.5 + 0.45 * (1 - exp(-Double(step) / 200)) }
  /// Layer metrics at a step for layer index.
  var layer: (Int, Int) -> LayerMetrics = { _, index in SyntheticRun.healthyLayer(index) }
  /// Relative row spread of each layer.
  var rowSpread: (Int) -> Double = { _ in 0.8 }

  static func healthyLayer(_ index: Int) -> LayerMetrics {
    var metrics = LayerMetrics()
    metrics.gradientNorm = 0.05 * Double(index + 1)
    metrics.weightNorm = 3
    metrics.updateRatio = 1e-3
    metrics.activationMean = 0.01
    metrics.activationStd = 0.6
    metrics.saturatedFraction = index < 3 ? 0.05 : nil
    return metrics
  }

  /// The window after running every step, evaluating at step 0 and every `evaluateEvery` steps.
  func window() -> MetricWindow {
    let layerCount = architecture.layerCount
    var window = MetricWindow(layerCount: layerCount)
    for step in 0...steps {
      if step % evaluateEvery == 0 {
        let layers = (0..<layerCount).map { layer(step, $0) }
        window.recordEvaluation(
          EvaluationReport(
            step: step, epoch: step / 10, learningRate: 0.03, trainingLoss: trainingLoss(step),
            validationLoss: validationLoss(step), regularizationLoss: 0, trainingAccuracy: accuracy(step),
            validationAccuracy: accuracy(step), samplesPerSecond: 1e5, layers: layers))
        window.recordRowSpreads((0..<layerCount).map(rowSpread))
      }
      if step < steps {
        let measured = step % measureEvery == 0
        window.recordStep(step, loss: loss(step), layers: measured ? (0..<layerCount).map { layer(step, $0) } : nil)
      }
    }
    return window
  }

  func findings(learningRate: Double = 0.03) -> [Finding] {
    Diagnostics().findings(in: window(), architecture: architecture, learningRate: learningRate)
  }

  func ids(learningRate: Double = 0.03) -> [FindingID] { findings(learningRate: learningRate).map(\.id) }
}
