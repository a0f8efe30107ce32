import DamScreen
import DamScreenTesting
import Foundation
import Testing

@testable import DamTraining
@testable import DamUI

@Suite("Smoothed training loss")
struct SmoothingTests {
  /// TensorBoard's scalar smoothing (tensorboard/plugins/scalar/.../scalars_panel: `last = last * w +
  /// (1 - w) * value; debiased = last / (1 - w^n)`), written out independently of the chart's.
  static func tensorBoard(_ values: [Double], weight: Double) -> [Double] {
    var last = 0.0
    var count = 0.0
    return values.map { value in
      last = last * weight + (1 - weight) * value
      count += 1
      return last / (1 - pow(weight, count))
    }
  }

  static let losses: [Double] = (0..<300).map { (step: Int) -> Double in
    let x = Double(step)
    let decay: Double = 0.7 * exp(-x / 80)
    return decay + 0.05 + 0.03 * sin(x * 2.1)
  }

  static func series(_ values: [Double]) -> MetricSeries {
    var series = MetricSeries()
    for (step, value) in values.enumerated() { series.append(step: step, value: value) }
    return series
  }

  @Test("The smoothed curve equals TensorBoard's debiased EMA, step by step", arguments: [0.0, 0.6, 0.9, 0.99])
  func matchesTensorBoard(weight: Double) {
    let expected = Self.tensorBoard(Self.losses, weight: weight)
    let points = Self.series(Self.losses).smoothedPoints(weight: weight, from: 0, over: 0...299, columns: 600)
    #expect(points.map(\.x) == (0..<300).map(Double.init))
    let worst = points.map { abs($0.y - expected[Int($0.x)]) }.max() ?? .infinity
    #expect(worst < 1e-12, "largest difference \(worst)")
    #expect(abs((points.first?.y ?? 0) - Self.losses[0]) < 1e-15, "debiased: the first point is the first loss")
  }

  @Test("The smoothing starts again at the run's first step, and keeps the newest point of each column")
  func restartsAtRunStart() {
    let points = Self.series(Self.losses).smoothedPoints(weight: 0.9, from: 200, over: 0...299, columns: 30)
    let expected = Self.tensorBoard(Array(Self.losses[200...]), weight: 0.9)
    #expect(points.count == 10)
    #expect(points.allSatisfy { $0.x >= 200 })
    for point in points { #expect(abs(point.y - expected[Int(point.x) - 200]) < 1e-12) }
  }

  @Test("m cycles the smoothing off, 0.6, 0.9, 0.99 and says so; the legend names it")
  func keyCycles() {
    var state = makeAppState()
    #expect(state.smoothing == .medium)
    var seen: [LossSmoothing] = []
    for _ in 0..<4 {
      _ = press(&state, .character("m"))
      seen.append(state.smoothing)
    }
    #expect(seen == [.heavy, .off, .light, .medium])
    #expect(state.statusMessage?.hasPrefix("training loss smoothing: 0.9") == true)
    let snapshot = ViewFixture.snapshot()
    let chart = LossChartPanel(
      snapshot: snapshot, window: StepWindow(zoom: .wholeRun, history: snapshot.history, step: 2000),
      scale: .logarithmic, isFocused: false, glyphs: .braille)
    let text = rendered(chart, width: 60, height: 16).lines.joined(separator: "\n")
    #expect(text.contains("train ema 0.9"), "\(text)")
    #expect(text.contains("batch"), "\(text)")
  }
}
