import DamEngine
import Testing

@testable import DamTraining

@Suite("Training history")
struct TrainingHistoryTests {
  private func layers(_ norms: [Double]) -> [LayerMetrics] {
    norms.map { norm in
      var metrics = LayerMetrics()
      metrics.gradientNorm = norm
      return metrics
    }
  }

  @Test("Steps, evaluations and gradient norms land in their series")
  func records() {
    var history = TrainingHistory(layerCount: 2)
    for step in 0..<10 { history.recordStep(step, loss: Double(10 - step), layers: layers([0.1, Double(step)])) }
    history.recordEvaluation(
      10, trainingLoss: 0.5, validationLoss: 0.6, trainingAccuracy: 0.9, validationAccuracy: 0.8)
    history.recordEvaluation(20, trainingLoss: 0.4, validationLoss: 0.7, trainingAccuracy: nil, validationAccuracy: nil)
    #expect(history.trainingLoss.pointCount == 10)
    #expect(history.trainingLoss.latest?.minimum == 1)
    #expect(history.gradientNorms.map(\.pointCount) == [10, 10])
    #expect(history.gradientNorms[1].latest?.maximum == 9)
    #expect(history.validationLoss.buckets.map(\.mean) == [0.6, 0.7])
    #expect(history.trainingAccuracy.pointCount == 1)
  }

  @Test("Markers read like the chart shows them, and only the newest are kept")
  func markers() {
    var history = TrainingHistory(layerCount: 1, markerCapacity: 3)
    history.recordChange(ChangeMarker(step: 12_400, setting: "lr", from: "0.1", to: "0.01"))
    #expect(history.markers.first?.label == "lr 0.1 -> 0.01 @ 12,400")
    for step in 1...3 { history.recordChange(ChangeMarker(step: step, summary: "change \(step)")) }
    #expect(history.markers.map(\.step) == [1, 2, 3])
    #expect(ChangeMarker(step: 1_234_567, summary: "x").label == "x @ 1,234,567")
    #expect(ChangeMarker(step: 999, summary: "x").label == "x @ 999")
  }

  @Test("A copy keeps its own history while the original goes on")
  func valueSemantics() {
    var history = TrainingHistory(layerCount: 1)
    history.recordStep(0, loss: 1, layers: layers([1]))
    let snapshot = history
    for step in 1..<5_000 { history.recordStep(step, loss: 2, layers: layers([2])) }
    #expect(snapshot.trainingLoss.pointCount == 1)
    #expect(snapshot.trainingLoss.buckets.map(\.maximum) == [1])
    #expect(history.trainingLoss.pointCount == 5_000)
  }
}
