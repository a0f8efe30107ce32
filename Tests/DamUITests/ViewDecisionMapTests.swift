import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("Decision map forms")
struct ViewDecisionMapTests {
  /// The circle map (48 x 24 predictions) in a 26 x 12 panel.
  private func panel(glyphs: GlyphSet, colors: Bool) -> ScreenBuffer {
    rendered(
      DecisionMapPanel(
        map: ViewFixture.circleMap(columns: 48, rows: 24), labels: ["out", "in"], glyphs: glyphs, colors: colors),
      width: 26, height: 12)
  }

  @Test("With UTF-8 and colour: 2x2 predictions a cell, the boundary in quadrant blocks, a legend of every shade")
  func colourForm() {
    let buffer = panel(glyphs: .braille, colors: true)
    expectSnapshot(
      buffer,
      [
        "┌ Decision map ──────────┐",
        "│█o██████████████████████│",
        "│██████▒▒▄▄▄▄▄▄▄▄▒▒██████│",
        "│███▒░▘▒▒████████▒▒▝░▒███│",
        "│██▒▗▒▒██████x█████▒▒▖▒██│",
        "│██▒▐▒███x██████████▒▐▒██│",
        "│███▒▝▒▒██████████▒▒▘▒███│",
        "│█████▒▝▄░▒▒▒▒▒▒░▄▘▒█████│",
        "│███████████▒▒█████████o█│",
        "│█o out  █x in           │",
        "│▒░ unsure  o wrong      │",
        "└────────────────────────┘",
      ])
    expectSnapshot(
      colorLetters(of: buffer),
      [
        "..........................",
        ".bwbbbbbbbbbbbbbbbbbbbbbb.",
        ".bbbbbbbbrrrrrrrrbbbbbbbb.",
        ".bbbbbbrrrrrrrrrrrrbbbbbb.",
        ".bbbrrrrrrrrrwrrrrrrrrbbb.",
        ".bbbrrrrrwrrrrrrrrrrrbbbb.",
        ".bbbbrrrrrrrrrrrrrrrrbbbb.",
        ".bbbbbbrbrrrrrrrrbrbbbbbb.",
        ".bbbbbbbbbbbbbbbbbbbbbbwb.",
        ".bb......rr...............",
        "..........................",
        "..........................",
      ])
    expectSnapshot(
      colorLetters(of: buffer, background: true),
      [
        "..........................",
        "..b.......................",
        ".........bbbbbbbb.........",
        "......r............r......",
        "....b........r.......b....",
        "....b....r...........r....",
        ".....b..............b.....",
        ".......br........rb.......",
        ".......................b..",
        "..........................",
        "..........................",
        "..........................",
      ])
  }

  @Test("Without colour (NO_COLOR): one prediction a cell as class fill characters, the same legend in words")
  func monochromeForm() {
    expectSnapshot(
      panel(glyphs: .braille, colors: false),
      [
        "┌ Decision map ──────────┐",
        "│.o......................│",
        "│...........   ..........│",
        "│......:::::::::::: .....│",
        "│....::::::::x:::::::....│",
        "│....::::x::::::::::: ...│",
        "│.... :::::::::::::::....│",
        "│.......:::::::::: ......│",
        "│......................o.│",
        "│.o out  :x in           │",
        "│dim/blank unsure  o wron│",
        "└────────────────────────┘",
      ])
  }

  @Test("ASCII (the C locale or --ascii): fill characters, ASCII box, the legend in ASCII")
  func asciiForm() {
    let buffer = panel(glyphs: .ascii, colors: true)
    expectSnapshot(
      buffer,
      [
        "+ Decision map ----------+",
        "|.o......................|",
        "|...........   ..........|",
        "|......:::::::::::: .....|",
        "|....::::::::x:::::::....|",
        "|....::::x::::::::::: ...|",
        "|.... :::::::::::::::....|",
        "|.......:::::::::: ......|",
        "|......................o.|",
        "|.o out  :x in           |",
        "|dim/blank unsure  o wron|",
        "+------------------------+",
      ])
    #expect(buffer.lines.allSatisfy { $0.allSatisfy(\.isASCII) })
  }

  @Test("A misclassified point is drawn in reverse video and the legend says what that means")
  func misclassifiedPoint() {
    // (0.9, -0.9) is outside the circle (class 0): call it class 1 and it is misclassified.
    let base = ViewFixture.circleMap()
    var points = base.points
    points[1].classIndex = 1
    points[1].target = 1
    let map = DecisionMap(
      step: base.step, columns: base.columns, rows: base.rows, xRange: base.xRange, yRange: base.yRange,
      classCount: 2, values: base.values, points: points)
    let buffer = rendered(
      DecisionMapPanel(map: map, labels: nil, glyphs: .braille, colors: true), width: 26, height: 12)
    let reversed = (0..<buffer.height).flatMap { y in (0..<buffer.width).map { (x: $0, y: y) } }
      .filter { buffer[$0.x, $0.y].style.reverse }
    #expect(reversed.count == 2, "the point and its legend mark: \(reversed)")
    #expect(buffer.lines[10].contains("wrong"))
  }
}
