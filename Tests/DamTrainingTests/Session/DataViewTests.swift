import DamEngine
import Dispatch
import Foundation
import Testing

@testable import DamTraining

@Suite("Data views")
struct DataViewTests {
  private func trainer(_ overrides: [String] = []) throws -> Trainer {
    try Trainer(
      preset: try Preset(name: "test", source: .builtIn).applying(overrides.map { try PresetOverride(parsing: $0) }))
  }

  @Test("The decision map covers the training points and shows the network's prediction at each cell centre")
  func decisionMapMatchesPredictions() throws {
    var trainer = try trainer(["data.dataset=gauss"])
    for _ in 0..<50 { trainer.trainStep() }
    let computed = trainer.decisionMap(columns: 64, rows: 32)
    let map = try #require(computed)
    #expect(map.step == 50)
    #expect(map.columns == 64 && map.rows == 32 && map.classCount == 2)
    #expect(map.values.count == 64 * 32 * 2)
    #expect(!map.points.isEmpty && map.points.count <= 300)
    for point in map.points {
      #expect(map.xRange.contains(point.x) && map.yRange.contains(point.y))
      #expect(point.classIndex == 0 || point.classIndex == 1)
    }
    let centre = map.centre(row: 0, column: 0)
    #expect(centre.x < map.centre(row: 0, column: 1).x && centre.y > map.centre(row: 1, column: 0).y)
    for (row, column) in [(0, 0), (5, 40), (31, 63), (16, 32)] {
      let point = map.centre(row: row, column: column)
      let p = try trainer.network.predict([Float(point.x), Float(point.y)], count: 1)[0]
      #expect(Array(map.values(row: row, column: column)) == [1 - p, p])
      let prediction = try #require(map.prediction(row: row, column: column))
      #expect(prediction.classIndex == (p > 0.5 ? 1 : 0))
      #expect(prediction.confidence == Double(max(p, 1 - p)))
    }
  }

  @Test("Regression maps hold the predicted value; inputs other than 2-D have no map")
  func regressionAndWideInputs() throws {
    var regression = try trainer(["data.dataset=plane"])
    let computed = regression.decisionMap(columns: 8, rows: 4)
    let map = try #require(computed)
    #expect(map.classCount == nil && map.values.count == 32)
    #expect(map.prediction(row: 0, column: 0) == nil)
    let centre = map.centre(row: 3, column: 7)
    let value = try regression.network.predict([Float(centre.x), Float(centre.y)], count: 1)[0]
    #expect(Array(map.values(row: 3, column: 7)) == [value])
    #expect(map.points.allSatisfy { $0.classIndex == nil })
    let counts = regression.confusionCounts()
    #expect(counts == nil)
    var digits = try trainer(["data.dataset=digits"])
    let wide = digits.decisionMap()
    #expect(wide == nil)
  }

  @Test("The confusion matrix counts every validation sample once and its diagonal is the validation accuracy")
  func confusionMatchesAccuracy() throws {
    var trainer = try trainer(["data.dataset=spiral"])
    for _ in 0..<100 { trainer.trainStep() }
    let computed = trainer.confusionCounts()
    let counts = try #require(computed)
    let report = trainer.evaluate(samplesPerSecond: 0)
    #expect(counts.step == 100)
    #expect(counts.counts.joined().reduce(0, +) == trainer.data.validation.count)
    #expect(counts.accuracy == report.validationAccuracy)
    let classZero = trainer.data.validation.targets.filter { $0 == 0 }.count
    #expect(counts.counts[0].reduce(0, +) == classZero)
    #expect(counts.labels.count == 2)
  }

  @Test("A session publishes the views for the weights it shows, refreshed after each change")
  func sessionPublishesViews() throws {
    let session = TrainingSession(trainer: try trainer(), paused: true)
    defer { session.stopAndWait() }
    let deadline = DispatchTime.now().uptimeNanoseconds + 30_000_000_000
    func waitFor(_ condition: (Snapshot) -> Bool) -> Snapshot {
      while DispatchTime.now().uptimeNanoseconds < deadline, !condition(session.snapshot) { usleep(1_000) }
      return session.snapshot
    }
    let initial = waitFor { $0.decisionMap != nil }
    #expect(initial.decisionMap?.step == 0)
    #expect(initial.confusion?.step == 0)
    session.send(.step(count: 3))
    let stepped = waitFor { $0.step == 3 && $0.status == .paused && $0.decisionMap?.step == 3 }
    #expect(stepped.decisionMap?.step == 3)
    #expect(stepped.confusion?.step == 3)
  }
}
