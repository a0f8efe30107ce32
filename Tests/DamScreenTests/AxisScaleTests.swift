import DamScreen
import Testing

@Suite("Axis scale")
struct AxisScaleTests {
  @Test("Log ticks are powers of ten across several decades")
  func logDecades() {
    #expect(AxisScale.logarithmic.ticks(in: 0.0005...3, maxCount: 5) == [1e-3, 1e-2, 1e-1, 1])
  }

  @Test("Log ticks add 2 and 5 times each power of ten when the axis has room")
  func logOneTwoFive() {
    #expect(AxisScale.logarithmic.ticks(in: 0.015...3, maxCount: 9) == [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
  }

  @Test("Log ticks thin out to every n-th decade when too many fit")
  func logStride() {
    #expect(AxisScale.logarithmic.ticks(in: 1e-9...1e1, maxCount: 3) == [1e-8, 1e-4, 1])
  }

  @Test("Within less than a power of ten, log ticks fall back to linear 1-2-5 steps")
  func logNarrow() {
    #expect(AxisScale.logarithmic.ticks(in: 0.2...0.9, maxCount: 4) == [0.2, 0.4, 0.6, 0.8])
  }

  @Test("Linear ticks are multiples of a 1-2-5 step")
  func linear() {
    #expect(AxisScale.linear.ticks(in: 0...12_400, maxCount: 4) == [0, 5000, 10_000])
  }

  @Test("The range skips values the scale cannot show and widens a single value")
  func range() {
    #expect(AxisScale.logarithmic.range(of: [0, -1, .nan, 0.5, 2, .infinity]) == 0.5...2)
    #expect(AxisScale.logarithmic.range(of: [3, 3]) == 1.5...6)
    #expect(AxisScale.linear.range(of: [0]) == -1...1)
    #expect(AxisScale.linear.range(of: [Double.nan]) == nil)
  }
}
