import DamTraining
import Foundation
import Testing

/// Data settings changed live and the weight view, in process through the `TestTerminal`.
@Suite("Live data and the weight view")
struct DataControllerTests {
  /// The training loss on the status bar (`loss 0.69`), if shown.
  static func loss(in screen: String) -> Double? {
    guard let status = AppRun.statusLine(in: screen),
      let range = status.range(of: #" loss [0-9.e-]+"#, options: .regularExpression)
    else { return nil }
    return Double(status[range].split(separator: " ").last ?? "")
  }

  /// Presses `j` until the selected row (`> name`) is `name`.
  static func select(_ name: String, in ui: AppRun, rows: Int) {
    for _ in 0..<rows { ui.send("j") }
    ui.expectScreen("> \(name)")
  }

  @Test("unnormalized-inputs: normalize = standard set live makes a stalled loss fall; the chart marks it; u undoes")
  func liveNormalizeCures() throws {
    let ui = try AppRun(preset: "unnormalized-inputs", speed: try TrainingSpeed(stepsPerSecond: 1_000))
    ui.waitForStep(above: 400)
    let (stalled, shown) = ui.waitFor { Self.loss(in: $0) != nil }
    let before = try #require(shown ? Self.loss(in: stalled) : nil)
    #expect(before > 0.6, "as shipped the loss stalls near ln 2:\n\(stalled)")
    Self.select("normalize", in: ui, rows: 24)
    ui.send("+")
    ui.expectScreen(#"normalize "none" -> "standard""#)
    let (after, fell) = ui.waitFor { (Self.loss(in: $0) ?? 1) < 0.4 }
    #expect(fell, "the loss did not fall after normalizing:\n\(after)")
    ui.send("u")
    let (undone, restored) = ui.waitFor { $0.range(of: #"normalize +none"#, options: .regularExpression) != nil }
    #expect(restored, "u did not undo the normalize change:\n\(undone)")
    ui.quit()
  }

  @Test("A dataset with another output asks first; y switches to it and re-initializes")
  func reshapeAsksThenReinitializes() throws {
    let ui = try AppRun(preset: "unnormalized-inputs")
    try ui.currentStep()
    Self.select("dataset", in: ui, rows: 19)
    ui.send("+")
    ui.expectScreen(#"dataset "circle" -> "xor""#)
    ui.send("-", "-")
    ui.expectScreen("Re-initialize for the new data?")
    ui.send("n")
    ui.expectScreen("kept dataset circle")
    ui.send("-")
    ui.expectScreen("Re-initialize for the new data?")
    ui.send("y")
    ui.expectScreen("ghost 1")
    let (screen, regression) = ui.waitFor { screen in
      screen.range(of: #"dataset +bump "#, options: .regularExpression) != nil
        && AppRun.statusLine(in: screen).map { $0.contains(" val ") && !$0.contains(" acc ") } == true
    }
    #expect(regression, "the run did not go on with the bump regression (no accuracy):\n\(screen)")
    ui.quit()
  }

  @Test("w shows every layer's weights: zero-init-symmetry's units are identical rows; g goes back")
  func weightViewOnSymmetry() throws {
    let ui = try AppRun(preset: "zero-init-symmetry")
    ui.waitForStep(above: 50)
    ui.send("w")
    let screen = ui.expectScreen("Weights (w: gradients)")
    #expect(screen.contains("L1 8x2") && screen.contains("L2 8x8") && screen.contains("L3 1x8"))
    let rows = try Self.gridRows(of: "L2 8x8", in: ui.screen, count: 8)
    #expect(Set(rows).count == 1, "every unit of a zero-initialized layer is the same:\n\(rows)")
    ui.send("g")
    ui.expectScreen("Gradient norms")
    ui.quit()
  }

  @Test("l1-sparsity: the weight view shows most first-layer weights reaching zero")
  func weightViewOnL1() throws {
    let ui = try AppRun(preset: "l1-sparsity", speed: .maximum)
    ui.send("w")
    ui.waitForStep(above: 3_000)
    let (screen, sparse) = ui.waitFor { screen in
      guard let range = screen.range(of: #"L1 32x2 T.*\n.*?~0 [0-9.]+%"#, options: .regularExpression) else {
        return false
      }
      let share = screen[range].split(separator: " ").last.map { Double($0.dropLast()) ?? 0 } ?? 0
      return share >= 50
    }
    #expect(sparse, "most first-layer weights did not reach zero:\n\(screen)")
    ui.quit()
  }

  /// The `count` grid rows under the block captioned `caption` (two caption lines, then the grid), cut to
  /// the block's width.
  static func gridRows(of caption: String, in screen: String, count: Int) throws -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let top = try #require(lines.firstIndex { $0.contains(caption) })
    let column = lines[top].distance(
      from: lines[top].startIndex, to: try #require(lines[top].range(of: caption)).lowerBound)
    return lines[(top + 2)..<(top + 2 + count)].map { String($0.dropFirst(column).prefix(8)) }
  }
}
