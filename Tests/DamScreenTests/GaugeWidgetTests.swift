import DamScreen
import DamScreenTesting
import Foundation
import Testing

@Suite("Log bars, heatmap and sparkline")
struct GaugeWidgetTests {
  static let norms = [2e-7, 3e-5, 0.02, 1.5, 4e3, .nan]

  @Test("Log bars at 40x7 mark vanishing, healthy, exploding and NaN layers, with the band's edges")
  func logBarsUnicode() {
    let bars = LogBars(layerValues: Self.norms, glyphs: .braille)
    let buffer = rendered(bars, width: 40, height: 7)
    expectSnapshot(
      buffer,
      [
        "L1 ██▊     ···········            2e-7 v",
        "L2 ███████▎···········            3e-5 v",
        "L3 █████████████▏·····            0.02  ",
        "L4 █████████████████··             1.5  ",
        "L5 ████████████████████████▏        4k !",
        "L6         ···········             nan ?",
        "           1e-4     10                  ",
      ])
    #expect(buffer[39, 0].glyph == "v" && buffer[39, 0].style.foreground == .yellow)
    #expect(buffer[39, 4].glyph == "!" && buffer[39, 4].style.foreground == .red)
  }

  @Test("Log bars in ASCII at 28x6")
  func logBarsAscii() {
    expectSnapshot(
      rendered(LogBars(layerValues: Self.norms, glyphs: .ascii), width: 28, height: 6),
      [
        "L1 #-   .....         2e-7 v",
        "L2 #### .....         3e-5 v",
        "L3 ####### ..         0.02  ",
        "L4 #########           1.5  ",
        "L5 #############        4k !",
        "L6      .....          nan ?",
      ])
  }

  /// Norms over 12 samples: L1 collapsing toward zero, L4 growing by orders of magnitude.
  static let histories: [[Double]] = [
    (0..<12).map { 1e-2 / pow(10, Double($0) / 1.5) },
    (0..<12).map { 1e-2 / pow(10, Double($0) / 3) },
    (0..<12).map { _ in 0.05 },
    (0..<12).map { 0.1 * pow(10, Double($0) / 2) },
  ]

  @Test("The heatmap shows the input side fading (v) and the output side exploding (!)")
  func heatmap() {
    expectSnapshot(
      rendered(Heatmap(layerHistories: Self.histories, glyphs: .ascii), width: 20, height: 5),
      [
        "L1    +==---::..   v",
        "L2    +=====-----: v",
        "L3    ++++++++++++  ",
        "L4    +***####%%%@ !",
        "1e-8 .:-=+*#%@ 100k ",
      ])
    expectSnapshot(
      rendered(Heatmap(layerHistories: Self.histories, glyphs: .block), width: 12, height: 4),
      [
        "L1 ░░···   v",
        "L2 ░░░░░░░ v",
        "L3 ▒▒▒▒▒▒▒  ",
        "L4 ▓▓▓▓███ !",
      ])
  }

  @Test("Sparklines pack two samples a cell in braille and one in blocks or ASCII")
  func sparkline() {
    let values = [1.0, 2, 4, 8, 16, 32, 64, 128, .nan, 64]
    expectSnapshot(
      rendered(Sparkline(values: values, glyphs: .braille), width: 7, height: 1),
      [
        "  ⣀⣤⣶⣿⢸"
      ])
    let odd = rendered(Sparkline(values: Array(values.dropFirst()), glyphs: .braille), width: 7, height: 1)
    #expect(odd.line(0).hasSuffix("⣿⢸"), "the newest sample fills the last dot column")
    expectSnapshot(
      rendered(Sparkline(values: values, glyphs: .block), width: 11, height: 1),
      [
        " ▁▂▃▄▅▆▇█ ▇"
      ])
    expectSnapshot(
      rendered(Sparkline(values: values, scale: .linear, glyphs: .ascii), width: 11, height: 1),
      [
        " ____.-~# ~"
      ])
  }
}
