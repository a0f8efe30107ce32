import DamScreen
import Testing

@Suite("Tiny areas")
struct TinyAreaTests {
  static let widgets: [any Widget] = [
    LineChartTests.lossChart(.braille),
    LogBars(layerValues: [1e-6, 1, 1e6, .nan], glyphs: .braille),
    Heatmap(layerHistories: [[1, 2, .nan], [1e-9, 1e9]], glyphs: .block),
    Sparkline(values: [1, .nan, 3], glyphs: .braille),
    LayerHealthTable(layers: [LayerHealth(name: "L1", updateRatio: 1e-3, activationMean: 0, activationStd: 1)]),
    ParameterList(
      rows: [.init(name: "learning rate", value: "0.01", isPending: true)], selectedIndex: 0, glyphs: .ascii),
    StatusBar(state: .running, step: 1, finding: "exploding gradients"),
    Panel(title: "Gradients", isFocused: true, glyphs: .ascii),
    Dialog(title: "Help", body: ["q quits"], glyphs: .ascii),
    TextInput(label: "lr", text: "0.1", error: "too big"),
    ScatterMap(
      field: [[.init(classIndex: 1, confidence: 0.9)]], points: [.init(x: 0, y: 0, classIndex: 1)], classCount: 2,
      xRange: -1...1, yRange: -1...1),
    ConfusionMatrix(counts: [[1, 0], [0, 1]]),
  ]

  @Test("Every widget renders into 0x0, 1x1, 3x2 and offset areas without writing outside them")
  func tinyAreas() {
    for widget in Self.widgets {
      for area in [
        Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 1, height: 1),
        Rect(x: 1, y: 1, width: 3, height: 2), Rect(x: 4, y: 3, width: 5, height: 5),
      ] {
        var buffer = ScreenBuffer(width: 6, height: 5)
        buffer.fill(buffer.area, with: Cell("~"))
        widget.render(in: area, buffer: &buffer)
        let visible = area.intersection(buffer.area)
        for y in 0..<buffer.height {
          for x in 0..<buffer.width where !visible.contains(x: x, y: y) {
            #expect(buffer[x, y].glyph == "~", "\(type(of: widget)) wrote outside \(area) at (\(x), \(y))")
          }
        }
      }
    }
  }
}
