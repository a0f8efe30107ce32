import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("Data panel")
struct ViewDataPanelTests {
  /// The data panel for `snapshot` alone, in a `width` x `height` buffer.
  private func panel(_ snapshot: Snapshot, width: Int, height: Int, glyphs: GlyphSet = .ascii) -> ScreenBuffer {
    let window = StepWindow(zoom: .wholeRun, history: snapshot.history, step: snapshot.step)
    return rendered(DataPanel(snapshot: snapshot, window: window, glyphs: glyphs), width: width, height: height)
  }

  /// The rows of the data panel's rectangle on a whole screen.
  private func dataPanelLines(of screen: ScreenBuffer, in area: Rect) -> [String] {
    screen.lines[area.y..<area.maxY].map { String(Array($0)[area.x..<area.maxX]) }
  }

  @Test("2-D data shows the decision map with its training points and a legend of the classes")
  func decisionMap() {
    expectSnapshot(
      panel(ViewFixture.snapshot(decisionMap: ViewFixture.circleMap()), width: 26, height: 9),
      [
        "+ Decision map ----------+",
        "|.o......................|",
        "|......::::::::::::......|",
        "|....::::::::x:::::::....|",
        "|....::::x:::::::::::....|",
        "|......::::::::::::......|",
        "|......................o.|",
        "|.o 0  :x 1              |",
        "+------------------------+",
      ])
  }

  @Test("The decision map wins over the confusion matrix and names the classes after its labels")
  func mapBeforeConfusion() {
    let confusion = ConfusionCounts(step: 1990, counts: [[40, 2], [3, 35]], labels: ["out", "in"])
    let snapshot = ViewFixture.snapshot(decisionMap: ViewFixture.circleMap(), confusion: confusion)
    let buffer = panel(snapshot, width: 26, height: 9)
    #expect(buffer.line(0).contains("Decision map"))
    #expect(buffer.line(7).contains(".o out  :x in"))
  }

  @Test("A regression map bands the predicted values low to high and gives their range")
  func regressionMap() {
    expectSnapshot(
      panel(
        ViewFixture.snapshot(classification: false, decisionMap: ViewFixture.regressionMap()), width: 26, height: 7),
      [
        "+ Decision map ----------+",
        "|:::------------~~~~~~~*~|",
        "|:::::::::------------~~~|",
        "|...::::::::::::---------|",
        "|.o.......::::::::::::---|",
        "|0.1 .o :x -+ ~* 1.9     |",
        "+------------------------+",
      ])
  }

  @Test("Multi-class data without a map shows the confusion matrix, shaded when the numbers do not fit")
  func shadedConfusion() {
    expectSnapshot(
      panel(ViewFixture.snapshot(confusion: ViewFixture.digitsConfusion), width: 28, height: 13),
      [
        "+ Confusion (validation) --+",
        "| 0123456789 recall        |",
        "|0@.........   100%        |",
        "|1.@........   100%        |",
        "|2..@.......   100%        |",
        "|3...%....-.  83.3%        |",
        "|4....@.....   100%        |",
        "|5.....@....   100%        |",
        "|6......@...   100%        |",
        "|7.......@..   100%        |",
        "|8........@.   100%        |",
        "|9....-....%  83.3%        |",
        "+--------------------------+",
      ])
  }

  @Test("A wider panel shows the confusion counts with recall")
  func numberedConfusion() {
    expectSnapshot(
      panel(ViewFixture.snapshot(confusion: ViewFixture.digitsConfusion), width: 41, height: 13),
      [
        "+ Confusion (validation) ---------------+",
        "|   0  1  2  3  4  5  6  7  8  9 recall |",
        "|0 36  0  0  0  0  0  0  0  0  0   100% |",
        "|1  0 36  0  0  0  0  0  0  0  0   100% |",
        "|2  0  0 36  0  0  0  0  0  0  0   100% |",
        "|3  0  0  0 30  0  0  0  0  6  0  83.3% |",
        "|4  0  0  0  0 36  0  0  0  0  0   100% |",
        "|5  0  0  0  0  0 36  0  0  0  0   100% |",
        "|6  0  0  0  0  0  0 36  0  0  0   100% |",
        "|7  0  0  0  0  0  0  0 36  0  0   100% |",
        "|8  0  0  0  0  0  0  0  0 36  0   100% |",
        "|9  0  0  0  0  6  0  0  0  0 30  83.3% |",
        "+---------------------------------------+",
      ])
  }

  @Test("Without a map or confusion counts the panel keeps the accuracy chart")
  func accuracyFallback() {
    let buffer = panel(ViewFixture.snapshot(), width: 28, height: 18)
    #expect(buffer.line(0).contains("Accuracy"))
    #expect(DataPanel.Content.accuracy == content(ViewFixture.snapshot(), height: 40))
  }

  @Test("A tall panel shares its rows between the map or matrix and the accuracy chart")
  func sharedWithAccuracy() {
    let map = ViewFixture.circleMap()
    #expect(content(ViewFixture.snapshot(decisionMap: map), height: 31) == .decisionMap(withAccuracy: true))
    #expect(content(ViewFixture.snapshot(decisionMap: map), height: 20) == .decisionMap(withAccuracy: false))
    #expect(
      content(ViewFixture.snapshot(classification: false, decisionMap: map), height: 31)
        == .decisionMap(withAccuracy: false))
    #expect(
      content(ViewFixture.snapshot(confusion: ViewFixture.digitsConfusion), height: 31)
        == .confusion(withAccuracy: true))
  }

  @Test("200x60: the decision map above the accuracy chart, beside the loss chart")
  func largeScreenMapAndAccuracy() {
    let state = makeAppState(width: 200, height: 60)
    let screen = ViewFixture.screen(
      state, snapshot: ViewFixture.snapshot(decisionMap: ViewFixture.circleMap(columns: 48, rows: 16)), glyphs: .ascii)
    expectSnapshot(
      Self.buffer(dataPanelLines(of: screen, in: state.layout.data)),
      [
        "+ Decision map -------------------------------------+",
        "|..o................................................|",
        "|...................................................|",
        "|.....................          ....................|",
        "|..............  ::::::::::::::::::::  .............|",
        "|........... :::::::::::::::::::::::::::: ..........|",
        "|......... :::::::::::::::::::::::::::::::: ........|",
        "|........ :::::::::::::::::x:::::::::::::::: .......|",
        "|........ :::::::::::::::::::::::::::::::::: .......|",
        "|........ ::::::::x::::::::::::::::::::::::: .......|",
        "|......... :::::::::::::::::::::::::::::::: ........|",
        "|........... :::::::::::::::::::::::::::: ..........|",
        "|..............  ::::::::::::::::::::  .............|",
        "|.....................          ....................|",
        "|................................................o..|",
        "|.o 0  :x 1                                         |",
        "|dim/blank unsure  o wrong                          |",
        "+---------------------------------------------------+",
        "+ Accuracy -----------------------------------------+",
        "|- train 0.989  - val 0.969                   linear|",
        "|   |                        .....||||||||||||||||  |",
        "|   |               ..|||||'''''                    |",
        "|   |            .||''                              |",
        "|0.8+        .|||'                                  |",
        "|   |      ||'                                      |",
        "|   |   .||'                                        |",
        "|0.6+ .|'                                           |",
        "|   |||                                             |",
        "|   ++-----------+----------+-----------+-----------|",
        "|    0          500        1k         1.5k          |",
        "+---------------------------------------------------+",
      ])
  }

  @Test("120x40: the digits confusion matrix fills the data panel")
  func mediumScreenConfusion() {
    let state = makeAppState(width: 120, height: 40)
    let screen = ViewFixture.screen(state, snapshot: ViewFixture.snapshot(confusion: ViewFixture.digitsConfusion))
    expectSnapshot(
      Self.buffer(dataPanelLines(of: screen, in: state.layout.data)),
      [
        "┌ Confusion (validation) ──┐",
        "│ 0123456789 recall        │",
        "│0█·········   100%        │",
        "│1·█········   100%        │",
        "│2··█·······   100%        │",
        "│3···█····░·  83.3%        │",
        "│4····█·····   100%        │",
        "│5·····█····   100%        │",
        "│6······█···   100%        │",
        "│7·······█··   100%        │",
        "│8········█·   100%        │",
        "│9····░····█  83.3%        │",
        "│                          │",
        "│                          │",
        "│                          │",
        "│                          │",
        "│                          │",
        "│                          │",
        "│                          │",
        "└──────────────────────────┘",
      ])
  }

  @Test("Tiny data panels draw what fits without crashing")
  func tinyPanels() {
    let snapshots = [
      ViewFixture.snapshot(decisionMap: ViewFixture.circleMap()),
      ViewFixture.snapshot(classification: false, decisionMap: ViewFixture.regressionMap()),
      ViewFixture.snapshot(confusion: ViewFixture.digitsConfusion),
    ]
    for snapshot in snapshots {
      for width in 0...5 {
        for height in 0...5 {
          #expect(panel(snapshot, width: width, height: height).lines.count == height)
        }
      }
    }
  }

  private func content(_ snapshot: Snapshot, height: Int) -> DataPanel.Content {
    let window = StepWindow(zoom: .wholeRun, history: snapshot.history, step: snapshot.step)
    return DataPanel(snapshot: snapshot, window: window, glyphs: .ascii).content(height: height)
  }

  /// A buffer holding `lines`, to compare a part of a screen as a snapshot.
  private static func buffer(_ lines: [String]) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: lines.first?.count ?? 0, height: lines.count)
    for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
    return buffer
  }
}
