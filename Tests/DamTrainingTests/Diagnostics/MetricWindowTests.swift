import DamEngine
import Testing

@testable import DamTraining

@Suite("Metric window")
struct MetricWindowTests {
  private func report(step: Int) -> EvaluationReport {
    EvaluationReport(
      step: step, epoch: 0, learningRate: 0.1, trainingLoss: 1, validationLoss: 1, regularizationLoss: 0,
      trainingAccuracy: nil, validationAccuracy: nil, samplesPerSecond: 0, layers: [])
  }

  @Test("The median loss ignores a few outlying batches and averages the middle two of an even count")
  func medianLoss() {
    var window = MetricWindow(layerCount: 0)
    for (step, loss) in [0.5, 9, 0.3, 0.4, 0.2, 0.6].enumerated() { window.recordStep(step, loss: loss, layers: []) }
    // Ages count from the newest: 0.6, 0.2, 0.4, 0.3, 9, 0.5.
    #expect(window.medianLoss(ages: 0..<6) == 0.45)
    #expect(window.medianLoss(ages: 2..<5) == 0.4)
    #expect(window.medianLoss(ages: 4..<5) == 9)
  }

  @Test("Layer samples of the measured steps are kept apart from the loss of every step")
  func sparseLayerSamples() {
    var window = MetricWindow(layerCount: 1)
    for step in 0..<100 {
      var metrics = LayerMetrics()
      metrics.gradientNorm = Double(step)
      window.recordStep(step, loss: Double(step), layers: step % 8 == 0 ? [metrics] : nil)
    }
    #expect(window.stepCount == 100)
    #expect(window.layerSampleCount == 13)
    #expect(window.loss(age: 0) == 99)
    #expect(window.layerStepNumber(age: 0) == 96)
    #expect(window.layer(0, age: 1).gradientNorm == 88)
    // Steps 96, 88, 80 and 72 lie within the newest 32 steps (68...99); 64 does not.
    #expect(window.recentLayerSampleCount(steps: 32) == 4)
    #expect(window.recentLayerSampleCount(steps: 1) == 1)
    #expect(window.layerSampleSpan == 97)
    #expect(window.meanPerLayer(\.gradientNorm, ages: 0..<4) == [84])
  }

  @Test("Evaluating every step, the kept evaluations reach back over the whole run, densest at the newest")
  func thinsOldEvaluations() {
    var window = MetricWindow(layerCount: 1)
    for step in 0...10_000 { window.recordEvaluation(report(step: step)) }
    let steps = window.evaluations.map(\.step)
    #expect(steps.count == window.evaluationCapacity)
    #expect(steps.first == 0)
    #expect(steps.last == 10_000)
    #expect(steps == steps.sorted())
    #expect(Array(steps.suffix(20)) == Array(9_981...10_000))
    // The gap between neighbours grows with age but stays a modest fraction of it.
    for index in 1..<(steps.count - 1) {
      let age = 10_000 - steps[index]
      #expect(steps[index + 1] - steps[index] <= max(2, age / 4), "gap at age \(age)")
    }
    #expect(steps.contains { (1_900...2_600).contains(10_000 - $0) })
  }
}
