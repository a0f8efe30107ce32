import DamEngine
import DamScreen
import Foundation

@testable import DamTraining
@testable import DamUI

/// Synthetic training snapshots for whole-screen tests: smooth, deterministic curves (no engine), so a
/// snapshot changes only when the view does.
enum ViewFixture {
  /// A three-layer classification run after `steps` steps: the loss falls from about 0.75 toward 0.05
  /// with mini-batch noise, validation every 100 steps, the learning rate changed at step 800, the
  /// first layer's gradients vanishing (1e-6 and falling) while the others stay healthy. A regression
  /// run (`classification` false) has no accuracies.
  static func snapshot(
    steps: Int = 2000, status: Snapshot.Status = .running, classification: Bool = true,
    findings: [Finding] = ViewFixture.findings, decisionMap: DecisionMap? = nil, confusion: ConfusionCounts? = nil
  ) -> Snapshot {
    var history = TrainingHistory(layerCount: 3)
    var best: (loss: Double, step: Int)?
    for step in 0..<steps {
      let progress = Double(step)
      let loss = 0.7 * exp(-progress / 600) + 0.05 + 0.02 * sin(progress * 1.7)
      history.recordStep(step, loss: loss, layers: layers(atStep: step))
      if step % 100 == 0 {
        let validation = 0.7 * exp(-progress / 650) + 0.07 + 0.004 * progress / 1000
        let accuracy = 1 - 0.5 * exp(-progress / 500)
        history.recordEvaluation(
          step, trainingLoss: loss, validationLoss: validation, trainingAccuracy: classification ? accuracy : nil,
          validationAccuracy: classification ? accuracy - 0.02 : nil)
        if validation < best?.loss ?? .infinity { best = (validation, step) }
      }
      if step == 800 { history.recordChange(ChangeMarker(step: 800, setting: "lr", from: "0.1", to: "0.03")) }
    }
    let last = max(0, steps - 1)
    let evaluation = EvaluationReport(
      step: last, epoch: 12, learningRate: 0.03, trainingLoss: 0.061, validationLoss: 0.083,
      regularizationLoss: 0, trainingAccuracy: classification ? 0.97 : nil,
      validationAccuracy: classification ? 0.955 : nil, samplesPerSecond: 48_000,
      layers: layers(atStep: last))
    let preset = Preset(name: "default", source: .builtIn)
    return Snapshot(
      version: steps, status: status, step: steps, epoch: 12, learningRate: 0.03, samplesPerSecond: 51_200,
      batchLoss: 0.058, evaluation: evaluation, layers: layers(atStep: last), findings: findings,
      history: history, preset: preset, modelInForce: preset.model, pendingKeys: [], bestValidation: best,
      message: nil, lastAcknowledged: 0, decisionMap: decisionMap, confusion: confusion)
  }

  /// A two-class map over -1...1 x -1...1 (`columns` x `rows` cells): class 1 inside the circle of
  /// radius 0.7, its probability a logistic in the distance from the circle; four training points, one
  /// per quadrant corner, the one at the origin of class 1.
  static func circleMap(columns: Int = 12, rows: Int = 6) -> DecisionMap {
    var values: [Float] = []
    for row in 0..<rows {
      for column in 0..<columns {
        let centre = DecisionMap.centre(row: row, column: column, columns: columns, rows: rows, x: -1...1, y: -1...1)
        let inside = 1 / (1 + exp(-8 * (0.49 - centre.x * centre.x - centre.y * centre.y)))
        values += [Float(1 - inside), Float(inside)]
      }
    }
    let points = [(-0.9, 0.9, 0), (0.9, -0.9, 0), (0.05, 0.05, 1), (-0.3, -0.2, 1)].map { x, y, label in
      DecisionMap.Point(x: x, y: y, classIndex: label, target: Double(label))
    }
    return DecisionMap(
      step: 1990, columns: columns, rows: rows, xRange: -1...1, yRange: -1...1, classCount: 2, values: values,
      points: points)
  }

  /// A regression map over 0...1 x 0...1 predicting x + y (0 to 2 across the plane), with points whose
  /// targets are 0.1 (bottom left) and 1.9 (top right).
  static func regressionMap(columns: Int = 8, rows: Int = 4) -> DecisionMap {
    var values: [Float] = []
    for row in 0..<rows {
      for column in 0..<columns {
        let centre = DecisionMap.centre(row: row, column: column, columns: columns, rows: rows, x: 0...1, y: 0...1)
        values.append(Float(centre.x + centre.y))
      }
    }
    let points = [
      DecisionMap.Point(x: 0.05, y: 0.05, classIndex: nil, target: 0.1),
      DecisionMap.Point(x: 0.95, y: 0.95, classIndex: nil, target: 1.9),
    ]
    return DecisionMap(
      step: 10, columns: columns, rows: rows, xRange: 0...1, yRange: 0...1, classCount: nil, values: values,
      points: points)
  }

  /// Validation counts of ten digit classes, 36 samples each: mostly right, 3s taken for 8s and 9s for 4s.
  static let digitsConfusion: ConfusionCounts = {
    let counts = (0..<10).map { actual in
      (0..<10).map { predicted in
        switch (actual, predicted) {
        case (3, 3), (9, 9): 30
        case (3, 8), (9, 4): 6
        case _ where actual == predicted: 36
        default: 0
        }
      }
    }
    return ConfusionCounts(step: 1990, counts: counts, labels: (0..<10).map { String($0) })
  }()

  /// A warning about the first layer and a note about overfitting, most severe first.
  static let findings = [
    Finding(
      id: .vanishingGradients, severity: .warning, evidence: "vanishing gradients in layer 1",
      fix: "try relu or he-normal"),
    Finding(
      id: .overfitting, severity: .info, evidence: "validation loss 8% above its best", fix: "try more L2 or dropout"),
  ]

  /// Per-layer metrics at `step`: layer 1 vanishing, layers 2 and 3 healthy.
  static func layers(atStep step: Int) -> [LayerMetrics] {
    let decay = exp(-Double(step) / 1500)
    return [(1e-6 * decay, 2e-5, 0.8), (0.02, 1.2e-3, 0.4), (0.15, 8e-4, 0.1)].map { norm, ratio, mean in
      var metrics = LayerMetrics()
      metrics.gradientNorm = norm
      metrics.weightNorm = 3
      metrics.updateRatio = ratio
      metrics.activationMean = mean
      metrics.activationStd = 0.3
      metrics.saturatedFraction = norm < 1e-5 ? 0.62 : 0.05
      return metrics
    }
  }

  /// The whole screen for `state` and `snapshot`.
  static func screen(
    _ state: AppState, snapshot: Snapshot? = ViewFixture.snapshot(), glyphs: GlyphSet = .braille
  ) -> ScreenBuffer {
    view(state, snapshot: snapshot, glyphs: glyphs)
  }
}
