import DamScreenTesting
import Foundation
import Testing

@testable import DamScreen

@Suite("Line chart readability")
struct ChartReadabilityTests {
  /// A flat loss near 0.6 with per-step noise of +-0.05.
  static let noisy: [ChartBucket] = (0..<200).map { step in
    let value = 0.62 + 0.05 * sin(Double(step) * 1.3)
    return ChartBucket(x: Double(step), min: value, mean: value, max: value)
  }

  @Test("Axis labels tell their ticks apart: y ticks 0.0005 apart get a fourth digit, fractional x ticks decimals")
  func distinctLabels() {
    #expect(ChartFrame.distinctLabels([0.692, 0.6925, 0.693, 0.6935]) == ["0.692", "0.6925", "0.693", "0.6935"])
    #expect(ChartFrame.distinctLabels([0.1, 0.2, 0.5]) == ["0.1", "0.2", "0.5"])
    let line = ChartSeries(
      label: "loss", points: stride(from: -0.5, through: 1.5, by: 0.05).map { ($0, 0.1 + $0 * $0) },
      style: Style())
    let chart = LineChart(series: [line], glyphs: .ascii, xRange: -0.5...1.5)
    let labels = rendered(chart, width: 48, height: 10).lines.last ?? ""
    #expect(labels.split(separator: " ") == ["-0.5", "0", "0.5", "1", "1.5"], "\(labels)")
  }

  @Test("The y range has a floor on its span: a flat curve fills half a decade, not the whole height")
  func spanFloor() throws {
    var chart = LineChart(
      series: [ChartSeries(label: "train", points: [(0, 0.6), (100, 0.62), (200, 0.61)])], glyphs: .braille)
    #expect(try #require(chart.dataRanges()).y == 0.6...0.62)
    chart.minimumSpan = 0.5
    let range = try #require(chart.dataRanges()).y
    #expect(abs(log10(range.upperBound / range.lowerBound) - 0.5) < 1e-12)
    #expect(range.contains(0.6) && range.contains(0.62))
    // A range already wider than the floor is kept as it is.
    chart.series = [ChartSeries(label: "train", points: [(0, 2.3), (100, 0.01)])]
    #expect(try #require(chart.dataRanges()).y == 0.01...2.3)
  }

  @Test("A faint series (raw batch losses) is drawn faint behind the line and does not set the range")
  func faintBehindLine() {
    let chart = LineChart(
      series: [
        ChartSeries(label: "batch", samples: .buckets(Self.noisy), stroke: .faint, style: Style(dim: true)),
        ChartSeries(label: "train ema 0.9", points: [(0, 0.62), (199, 0.62)]),
      ],
      glyphs: .ascii, xRange: 0...199)
    expectSnapshot(
      rendered(chart, width: 30, height: 7),
      [
        "- train ema 0.9 0.62       log",
        "  1+                          ",
        "   |..........................",
        "0.5+''''''''''''''''''''''''''",
        "   |                          ",
        "   ++------------+------------",
        "    0           100           ",
      ])
  }

  @Test("Markers too close to label apart collapse into one, and no label covers another or the legend")
  func markersCollapse() {
    let markers = [
      ChartMarker(x: 100, label: "l2 0.0 -> 1e-06"), ChartMarker(x: 110, label: "l2 1e-06 -> 1e-05"),
      ChartMarker(x: 120, label: "dropout 0 -> 0.1"), ChartMarker(x: 900, label: "lr 0.1 -> 0.01"),
    ]
    let chart = LineChart(
      series: [ChartSeries(label: "train", points: LineChartTests.trainLoss)], glyphs: .ascii, markers: markers,
      highlight: ChartHighlight(x: 1000, y: 2.3 * pow(10, -2.5), label: "best 7.3e-3"))
    expectSnapshot(
      rendered(chart, width: 40, height: 10),
      [
        "- train 7.3e-3  * best 7.3e-3        log",
        "        3 changes         lr 0.1 -> 0.01",
        "   1+'--..                          :   ",
        "    |   : '''--.                    :   ",
        "    |   :       ''--..              :   ",
        " 0.1+   :             ''--..        :   ",
        "    |   :                   ''--..  :   ",
        "0.01+   :                         '''--*",
        "    ++----------------+----------------+",
        "     0               500              1k",
      ])
  }

  @Test("Collapsed changes of one setting read from its first value to the value in force")
  func collapsedChangesOfOneSetting() {
    let markers = [
      ChartMarker(x: 100, label: "B l2 0.01 -> 0.001"), ChartMarker(x: 105, label: "B l2 0.001 -> 1e-4"),
      ChartMarker(x: 110, label: "B l2 1e-4 -> 0"),
    ]
    let chart = LineChart(
      series: [ChartSeries(label: "train", points: LineChartTests.trainLoss)], glyphs: .ascii, markers: markers)
    let lines = rendered(chart, width: 40, height: 10).lines
    #expect(lines[1].contains("B l2 0.01 -> 0 "), "\(lines.joined(separator: "\n"))")
    #expect(!lines.joined().contains("changes"))
  }

  @Test("A background series off the range is clipped to the edge with arrows instead of rescaling")
  func ghostClipped() {
    let chart = LineChart(
      series: [
        ChartSeries(
          label: "ghost 1", samples: .points([ChartPoint(x: 0, y: 1e14), ChartPoint(x: 100, y: 1e14)]),
          stroke: .marks("1"), isBackground: true),
        ChartSeries(label: "train", points: [(0, 0.7), (100, 0.1)]),
      ],
      glyphs: .braille, xRange: 0...100)
    let buffer = rendered(chart, width: 30, height: 8)
    let lines = buffer.lines
    #expect(lines[1].contains("↑"), "\(lines.joined(separator: "\n"))")
    #expect(!lines.joined().contains("1e14") && !lines.joined().contains("1e+"), "the ghost set the range")
  }
}
