import DamScreen
import DamScreenTesting
import Foundation
import Testing

@Suite("Line chart")
struct LineChartTests {
  /// A loss falling from 2.3 by a factor of ten every 400 steps, sampled every 100 steps.
  static let trainLoss: [(x: Double, y: Double)] = (0...10).map { step in
    let x = Double(step) * 100
    return (x: x, y: 2.3 * pow(10, -x / 400))
  }
  /// A validation loss evaluated every 250 steps.
  static let validationLoss: [(x: Double, y: Double)] = [
    (x: 0.0, y: 2.5), (x: 250, y: 0.5), (x: 500, y: 0.12), (x: 750, y: 0.06), (x: 1000, y: 0.03),
  ]

  static func lossChart(_ glyphs: GlyphSet, scale: AxisScale = .logarithmic) -> LineChart {
    LineChart(
      series: [
        ChartSeries(label: "train", points: trainLoss),
        ChartSeries(label: "val", points: validationLoss, stroke: .points),
      ],
      scale: scale, glyphs: glyphs, markers: [ChartMarker(x: 500, label: "lr 0.1->0.01")],
      highlight: ChartHighlight(x: 1000, y: 0.03, label: "best 0.03"))
  }

  @Test("Braille loss chart at 40x12 has legend, log axis, step labels, marker and best point")
  func brailleLossChart() {
    expectSnapshot(
      rendered(Self.lossChart(.braille), width: 40, height: 12),
      [
        "─ train 7.3e-3  · val 0.03           log",
        "* best 0.03                             ",
        "                      lr 0.1->0.01      ",
        "    │⠉⠒⠤⣀⡀            ┆                 ",
        "   1┤    ⠈⠑⠢⠤⣀⣀       ┆                 ",
        "    │          ⠉⠑⠢⢄⣀  ┆                 ",
        " 0.1┤               ⠉⠒⠤⢄⣀               ",
        "    │                 ┆  ⠉⠑⠢⢄⣀ ⠂        ",
        "    │                 ┆       ⠉⠒⠤⢄⣀⡀   *",
        "0.01┤                 ┆            ⠈⠉⠒⠤⣀",
        "    └┬────────────────┬────────────────┬",
        "     0               500              1k",
      ])
  }

  @Test("ASCII loss chart at 30x8")
  func asciiLossChart() {
    expectSnapshot(
      rendered(Self.lossChart(.ascii), width: 30, height: 8),
      [
        "- train 7.3e-3  . val 0.03    ",
        "                 lr 0.1->0.01 ",
        "   1+'---..      :            ",
        "    |      '''--.:            ",
        "    |            '---..-     *",
        "0.01+            :     '''--..",
        "    ++-----------+-----------+",
        "     0          500         1k",
      ])
  }

  @Test("Block loss chart on a linear scale at 30x8")
  func blockLinearLossChart() {
    expectSnapshot(
      rendered(Self.lossChart(.block, scale: .linear), width: 30, height: 8),
      [
        "─ train 7.3e-3          linear",
        "                lr 0.1->0.01  ",
        "2┤▙             ┆             ",
        " │ ▀▚▄          ┆             ",
        "1┤    ▀▄▄       ┆             ",
        " │       ▀▀▀▀▀▚▄▄▄▄▄▄▄▄▄▄▄▄▄▄*",
        " └┬─────────────┬────────────┬",
        "  0            500          1k",
      ])
  }

  @Test("Empty data says so instead of drawing axes")
  func emptyData() {
    let chart = LineChart(series: [ChartSeries(label: "train", points: [])], glyphs: .ascii)
    expectSnapshot(
      rendered(chart, width: 20, height: 4),
      [
        "                    ",
        "                    ",
        "      no data       ",
        "                    ",
      ])
  }

  @Test("NaN and infinite values leave gaps; a single point and all-equal values still draw")
  func gapsAndDegenerateData() {
    let gappy = ChartSeries(
      label: "loss", points: [(0, 1), (1, 0.5), (2, .nan), (3, .infinity), (4, 0.2), (5, 0.1), (6, -1), (7, 0.05)])
    expectSnapshot(
      rendered(LineChart(series: [gappy], glyphs: .ascii), width: 24, height: 7),
      [
        "- loss 0.05          log",
        "  1+'-.                 ",
        "   |   '                ",
        "0.1+           '--.     ",
        "   |                   .",
        "   ++-------------+-----",
        "    0             5     ",
      ])
    let single = ChartSeries(label: "loss", points: [(x: 7, y: 0.5)])
    expectSnapshot(
      rendered(LineChart(series: [single], glyphs: .ascii), width: 24, height: 7),
      [
        "- loss 0.5           log",
        "  1+                    ",
        "   |                    ",
        "0.5+'                   ",
        "   |                    ",
        "   ++------------------+",
        "    7                  8",
      ])
    let flat = ChartSeries(label: "loss", points: [(0, 3), (10, 3), (20, 3)])
    expectSnapshot(
      rendered(LineChart(series: [flat], scale: .linear, glyphs: .ascii), width: 24, height: 7),
      [
        "- loss 3          linear",
        "4+                      ",
        " |                      ",
        " |''''''''''''''''''''''",
        "2+                      ",
        " ++--------------------+",
        "  0                   20",
      ])
  }

  @Test("A range of thirty decades is labelled by sparse powers of ten")
  func hugeRange() {
    let series = ChartSeries(
      label: "norm", points: (0...30).map { (x: Double($0) * 1000, y: pow(10, Double($0) - 20)) })
    expectSnapshot(
      rendered(LineChart(series: [series], glyphs: .ascii), width: 30, height: 8),
      [
        "- norm 10G                 log",
        "     |                   ..-''",
        "    1+               .--'     ",
        "     |         ..--''         ",
        "1e-11+     .--'               ",
        "     |..-''                   ",
        "     ++--------------+--------",
        "      0             20k       ",
      ])
  }

  @Test("Downsampled buckets draw the mean as the line and the min...max band dimmed behind it")
  func buckets() {
    let buckets = (0..<8).map { index in
      let mean = 1.0 / Double(index + 1)
      return ChartBucket(x: Double(index) * 2000, min: mean / 3, mean: mean, max: mean * 3)
    }
    let chart = LineChart(series: [ChartSeries(label: "train", samples: .buckets(buckets))], glyphs: .block)
    let buffer = rendered(chart, width: 30, height: 8)
    expectSnapshot(
      buffer,
      [
        "─ train 0.125              log",
        "   │▌  ▗                      ",
        "  1┤▀▄▄▐   ▐   ▖  ▗           ",
        "   │▌  ▀▀▚▄▄▄▄▄▄▄ ▐   ▌   ▌  ▐",
        "0.1┤   ▝   ▐   ▌ ▀▀▀▀▀▀▀▀▀▀▀▄▄",
        "   │           ▘  ▝   ▘   ▌  ▐",
        "   └┬────────┬────────┬───────",
        "    0       5k       10k      ",
      ])
    let dimCells = buffer.cells.filter { $0.style.dim && $0.glyph != " " && !"│┤└─┬0123456789.ke-".contains($0.glyph) }
    #expect(!dimCells.isEmpty)
  }

  @Test("The zoom window fits the y axis to the visible steps")
  func zoomWindow() {
    let chart = LineChart(
      series: [ChartSeries(label: "train", points: Self.trainLoss)], glyphs: .ascii, xRange: 800...1000)
    expectSnapshot(
      rendered(chart, width: 24, height: 6),
      [
        "- train 7.3e-3       log",
        "0.02+''--..             ",
        "    |      ''---..      ",
        "0.01+             ''--..",
        "    ++-----------------+",
        "    800               1k",
      ])
  }

  @Test("Tiny areas never crash", arguments: GlyphSet.allCases)
  func tinyAreas(glyphs: GlyphSet) {
    for (width, height) in [(0, 0), (1, 1), (3, 2), (2, 5), (12, 4)] {
      let buffer = rendered(Self.lossChart(glyphs), width: width, height: height)
      #expect(buffer.lines.count == height)
    }
  }
}
