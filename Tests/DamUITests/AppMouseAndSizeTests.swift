import DamScreen
import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: mouse and terminal size")
struct AppMouseAndSizeTests {
  @Test("A click on a parameter row selects it and focuses the panel")
  func clickSelects() {
    var state = makeAppState()
    press(&state, .tab)
    let rows = state.layout.parameterRows
    #expect(send(&state, .mouse(.click(x: rows.x + 3, y: rows.y + 2))).isEmpty)
    #expect(state.selectedParameter == .l2)
    #expect(state.focus == .parameters)
  }

  @Test("Clicks follow the list's scrolling on a short screen")
  func clickScrolled() {
    var state = makeAppState(width: 60, height: 16)
    let rows = state.layout.parameterRows
    #expect(rows.height < ParameterCatalog.parameters.count)
    for _ in 1..<ParameterCatalog.parameters.count { press(&state, .down) }
    send(&state, .mouse(.click(x: rows.x, y: rows.maxY - 1)))
    #expect(state.selectedParameter == ParameterCatalog.parameters.last)
    send(&state, .mouse(.click(x: rows.x, y: rows.y)))
    #expect(state.selectedIndex == ParameterCatalog.parameters.count - rows.height)
  }

  @Test("The wheel over a row selects it and adjusts it: up raises, down lowers")
  func wheelAdjusts() throws {
    var state = makeAppState()
    let rows = state.layout.parameterRows
    #expect(send(&state, .mouse(.wheelUp(x: rows.x, y: rows.y + 3))) == [try setting("model.dropout=0.05")])
    #expect(state.selectedParameter == .dropout)
    #expect(send(&state, .mouse(.wheelDown(x: rows.x, y: rows.y))) == [try setting("training.learning_rate=0.025")])
    #expect(send(&state, .mouse(.wheelUp(x: state.layout.chart.x + 2, y: 2))).isEmpty)
  }

  @Test("A click on the chart or gradient panel focuses it; the mouse is ignored under a dialog")
  func clickFocuses() {
    var state = makeAppState()
    send(&state, .mouse(.click(x: state.layout.chart.x + 5, y: state.layout.chart.y + 2)))
    #expect(state.focus == .chart)
    send(&state, .mouse(.click(x: state.layout.gradients.x + 5, y: state.layout.gradients.y + 2)))
    #expect(state.focus == .gradients)
    press(&state, .character("?"))
    let rows = state.layout.parameterRows
    send(&state, .mouse(.click(x: rows.x, y: rows.y + 1)))
    #expect(state.focus == .gradients && state.selectedIndex == 0)
  }

  @Test("Below the minimum size only q and Ctrl-C work, even with a text entry open")
  func tooSmall() {
    var state = makeAppState()
    press(&state, .character("s"))
    send(&state, .resize(width: 50, height: 15))
    #expect(state.isTooSmall)
    #expect(press(&state, .character("x"), .escape, .enter).isEmpty)
    #expect(send(&state, .mouse(.click(x: 1, y: 1))).isEmpty)
    #expect(press(&state, .character("q")) == [.quit])
    var other = makeAppState(width: 50, height: 15)
    #expect(press(&other, .controlC) == [.quit])
    send(&other, .resize(width: 80, height: 24))
    #expect(!other.isTooSmall)
  }

  @Test("The layout fills the screen at 80x24, 120x40 and 200x60 and adds the data panel when wide")
  func layoutSizes() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
      let layout = AppLayout(width: width, height: height)
      #expect(!layout.isTooSmall)
      #expect(layout.status == Rect(x: 0, y: height - 2, width: width, height: 2))
      #expect(layout.parameters.height == height - 2 && layout.parameters.x == 0)
      #expect(layout.chart.x == layout.parameters.maxX && layout.gradients.maxX == width)
      #expect(layout.gradients.y == layout.chart.maxY && layout.gradients.maxY == height - 2)
      #expect(layout.data.isEmpty == (width < 120))
      #expect(layout.data.isEmpty || layout.data.maxX == width)
      #expect(layout.parameterRows.height >= 20)
    }
  }
}
