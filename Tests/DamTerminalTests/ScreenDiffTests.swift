import DamScreen
import Testing

@testable import DamTerminal

@Suite("Choosing which cells to write")
struct ScreenDiffTests {
  private typealias Run = ScreenDiff.Run

  private func buffer(_ lines: [String]) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: lines.first?.count ?? 0, height: lines.count)
    for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
    return buffer
  }

  @Test("The first frame writes every cell, row by row")
  func firstFrame() {
    let new = buffer(["abc", "def"])
    #expect(
      ScreenDiff.changedRuns(from: nil, to: new, width: 3, height: 2) == [
        Run(y: 0, columns: 0..<3), Run(y: 1, columns: 0..<3),
      ])
  }

  @Test("An unchanged frame writes nothing")
  func unchanged() {
    let frame = buffer(["abc", "def"])
    #expect(ScreenDiff.changedRuns(from: frame, to: frame, width: 3, height: 2).isEmpty)
  }

  @Test("Changed cells are grouped into runs per row")
  func runs() {
    let old = buffer(["abcdef", "ghijkl"])
    let new = buffer(["aXcdYZ", "ghijkL"])
    #expect(
      ScreenDiff.changedRuns(from: old, to: new, width: 6, height: 2) == [
        Run(y: 0, columns: 1..<2), Run(y: 0, columns: 4..<6), Run(y: 1, columns: 5..<6),
      ])
  }

  @Test("A change of style alone is a change")
  func styleChange() {
    let old = buffer(["abc"])
    var new = old
    new.setStyle(Style(reverse: true), in: Rect(x: 0, y: 0, width: 2, height: 1))
    #expect(ScreenDiff.changedRuns(from: old, to: new, width: 3, height: 1) == [Run(y: 0, columns: 0..<2)])
  }

  @Test("A frame of another size is written whole")
  func resized() {
    let old = buffer(["abc", "def"])
    let new = buffer(["abcd", "defg"])
    #expect(
      ScreenDiff.changedRuns(from: old, to: new, width: 4, height: 2) == [
        Run(y: 0, columns: 0..<4), Run(y: 1, columns: 0..<4),
      ])
  }

  @Test("Cells beyond the terminal are never written")
  func clipped() {
    let old = buffer(["abcd", "efgh", "ijkl"])
    let new = buffer(["abcX", "eXgh", "Xjkl"])
    #expect(ScreenDiff.changedRuns(from: old, to: new, width: 3, height: 2) == [Run(y: 1, columns: 1..<2)])
    #expect(ScreenDiff.changedRuns(from: nil, to: new, width: 2, height: 1) == [Run(y: 0, columns: 0..<2)])
    #expect(ScreenDiff.changedRuns(from: nil, to: new, width: 0, height: 5).isEmpty)
  }
}
