import DamScreenTesting
import DamTraining
import Testing

@testable import DamScreen
@testable import DamUI

@Suite("Views that read at a glance")
struct ViewsReadAtAGlanceTests {
  /// `settings` with `parameter` moved one step up, or down where it is at its top (a typed layout for the
  /// hidden layers).
  private func changed(_ parameter: TunableParameter, in settings: Preset) throws -> Preset {
    let step = { (increase: Bool) in parameter.adjustedValue(in: settings, by: AdjustStep(increase: increase)) }
    let value = parameter == .hidden ? "[8]" : try #require(step(true) ?? step(false), "\(parameter) does not move")
    return try settings.applying([try PresetOverride(parsing: "\(parameter.presetKey)=\(value)")])
  }

  @Test("A ghost's label names exactly the setting that differs, for every setting")
  func ghostLabelEverySetting() throws {
    let current = makeAppState().settings
    for parameter in ParameterCatalog.parameters {
      let earlier = try changed(parameter, in: current)
      #expect(
        GhostRun(settings: earlier, startStep: 0).label(number: 1, comparedWith: current)
          == "ghost 1: \(parameter.shortText(in: earlier))", "\(parameter)")
    }
  }

  @Test("A ghost whose settings changed during its run says so, with the changes")
  func ghostLabelChangesDuringRun() {
    let current = makeAppState().settings
    var ghost = GhostRun(settings: current, startStep: 0)
    ghost.changes = ["L2 0.01 -> 0"]
    #expect(
      ghost.label(number: 1, comparedWith: current) == "ghost 1: same settings, 1 change during the run: L2 0.01 -> 0")
  }

  @Test("Left reaches 0 in a few presses from a typical L2, and right from 0 returns to the smallest value")
  func adjustingReachesZero() throws {
    var state = makeAppState()
    select(.l2, in: &state)
    for _ in 0..<4 { press(&state, .right) }
    #expect(state.settings.training.l2 == 1e-4, "0 -> 1e-5 -> 2e-5 -> 5e-5 -> 1e-4")
    var presses = 0
    while state.settings.training.l2 > 0 && presses < 10 {
      press(&state, .left)
      presses += 1
    }
    #expect(state.settings.training.l2 == 0)
    #expect(presses == 4, "1e-4 -> 5e-5 -> 2e-5 -> 1e-5 -> 0")
    #expect(press(&state, .right) == [try setting("training.l2=1e-05")])
  }

  @Test("Gradient bars: a converged network's small gradients get no v; a vanishing layer next to healthy ones does")
  func vanishingIsRelative() {
    let converged = LogBars(layerValues: [6.9e-5, 8e-5, 5e-5], glyphs: .ascii)
    #expect(converged.bars.map { converged.severity(of: $0.value) } == [.healthy, .healthy, .healthy])
    let vanishing = LogBars(layerValues: [1e-7, 1e-3, 1e-2], glyphs: .ascii)
    #expect(vanishing.bars.map { vanishing.severity(of: $0.value) } == [.vanishing, .healthy, .healthy])
    let exploding = LogBars(layerValues: [351, 2], glyphs: .ascii)
    #expect(exploding.severity(of: 351) == .exploding)
  }

  @Test("Gradient bars: the scale covers the values shown; an infinite value ends in an overflow arrow")
  func barsCoverValues() {
    let bars = LogBars(layerValues: [351, 1e9, .infinity], glyphs: .ascii)
    #expect(bars.coveringRange.upperBound == 1e9)
    expectSnapshot(
      rendered(bars, width: 40, height: 4),
      [
        "L1 ################-               351 !",
        "L2 ###########################      1G !",
        "L3       ........            >     inf ?",
        "         1e-4  10                       ",
      ])
  }

  @Test("? opens the keys, ? again the guide to the screen, ? again closes it")
  func helpPages() {
    var state = makeAppState(width: 120, height: 40)
    press(&state, .character("?"))
    #expect(state.dialog == .help(scroll: 0))
    press(&state, .character("?"))
    #expect(state.dialog == .guide(scroll: 0))
    let text = view(state, snapshot: ViewFixture.snapshot(), glyphs: .braille).lines.joined(separator: "\n")
    for phrase in ["Reading the screen (page 2 of 2)", "HOW TO WORK THROUGH A LESSON", "upd/w", "sat:", "dead:"] {
      #expect(text.contains(phrase), "\(phrase)\n\(text)")
    }
    press(&state, .character("?"))
    #expect(state.dialog == nil)
  }

  @Test("The guide explains every metric and flag the panels show")
  func guideCoversMetrics() {
    let guide = ScreenGuide.paragraphs.joined(separator: " ")
    for term in ["upd/w", "about 1e-3", "sat:", "dead:", "! marks", "v marks", "shades", "ghosts", "fork"] {
      #expect(guide.contains(term), "\(term)")
    }
  }
}

@Suite("Decision map in words")
struct DecisionMapWordsTests {
  @Test("A map where every prediction is the same class says so; a map with a boundary does not")
  func uniformMapSaysSo() {
    let columns = 12
    let rows = 6
    let values = [Float]((0..<(columns * rows)).flatMap { _ in [Float(0.2), Float(0.8)] })
    let uniform = DecisionMap(
      step: 10, columns: columns, rows: rows, xRange: -1...1, yRange: -1...1, classCount: 2, values: values,
      points: [])
    let text = rendered(
      DecisionMapPanel(map: uniform, labels: ["negative", "positive"], glyphs: .braille), width: 30, height: 10
    )
    .lines.joined(separator: "\n")
    #expect(text.contains("every prediction is positive"), "\(text)")
    let narrow = rendered(
      DecisionMapPanel(map: uniform, labels: ["negative", "positive"], glyphs: .braille), width: 24, height: 10
    )
    .lines.joined(separator: "\n")
    #expect(narrow.contains("all predict positive"), "a narrow panel shortens the words:\n\(narrow)")
    let circle = rendered(
      DecisionMapPanel(map: ViewFixture.circleMap(), labels: nil, glyphs: .braille), width: 30, height: 10
    )
    .lines.joined(separator: "\n")
    #expect(!circle.contains("every prediction"), "\(circle)")
  }
}
