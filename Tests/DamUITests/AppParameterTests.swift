import DamTraining
import Testing

@testable import DamUI

@Suite("App parameters: catalog, formatting and steps")
struct AppParameterTests {
  /// The values `parameter` takes after pressing `key` `count` times from the default settings.
  func values(_ parameter: TunableParameter, _ key: KeyInput, count: Int) -> [String] {
    var state = makeAppState()
    select(parameter, in: &state)
    return (0..<count).map { _ in
      press(&state, key)
      return parameter.typedValue(in: state.settings)
    }
  }

  @Test("The learning rate walks the R10 preferred numbers: about x1.26 a step, ten steps a decade")
  func learningRateGrid() {
    #expect(values(.learningRate, .right, count: 6) == ["0.0315", "0.04", "0.05", "0.063", "0.08", "0.1"])
    #expect(values(.learningRate, .left, count: 4) == ["0.025", "0.02", "0.016", "0.0125"])
    #expect(values(.learningRate, .pageUp, count: 3) == ["0.3", "3.0", "10.0"])
  }

  @Test("L1 and L2 reach 0 below their smallest step and come back from it")
  func regularizationReachesZero() throws {
    var state = makeAppState()
    select(.l2, in: &state)
    #expect(press(&state, .right) == [try setting("training.l2=1e-05")])
    press(&state, .right)
    #expect(state.settings.training.l2 == 2e-5)
    press(&state, .pageDown)
    #expect(state.settings.training.l2 == 1e-5)
    press(&state, .left)
    #expect(state.settings.training.l2 == 0)
    #expect(press(&state, .left).isEmpty)
    #expect(state.statusMessage?.contains("limit") == true)
  }

  @Test("Dropout moves in steps of 0.05 within [0, 0.95]")
  func dropoutLinear() {
    #expect(values(.dropout, .right, count: 3) == ["0.05", "0.1", "0.15"])
    #expect(values(.dropout, .pageUp, count: 5) == ["0.25", "0.5", "0.75", "0.95", "0.95"])
    #expect(values(.dropout, .left, count: 1) == ["0.0"])
  }

  @Test("Batch size and decay steps double and halve")
  func doubling() {
    #expect(values(.batchSize, .right, count: 2) == ["64", "128"])
    #expect(values(.batchSize, .left, count: 6) == ["16", "8", "4", "2", "1", "1"])
    #expect(values(.batchSize, .shiftRight, count: 1) == ["256"])
    #expect(values(.decaySteps, .left, count: 1) == ["500"])
  }

  @Test("Momentum and the betas approach 1 logarithmically: 0.9, 0.92 ... and 0.999 -> 0.9999")
  func towardOne() {
    #expect(values(.momentum, .right, count: 2) == ["0.92", "0.937"])
    #expect(values(.momentum, .shiftRight, count: 3) == ["0.99", "0.999", "0.9999"])
    #expect(values(.beta2, .pageUp, count: 2) == ["0.9999", "0.9999"])
    #expect(values(.beta1, .left, count: 1) == ["0.875"])
  }

  @Test("Choices cycle both ways and wrap around")
  func choicesCycle() {
    #expect(values(.optimizer, .right, count: 2) == ["sgd", "momentum"])
    #expect(values(.optimizer, .left, count: 1) == ["rmsprop"])
    #expect(values(.schedule, .right, count: 1) == ["step"])
    #expect(values(.activation, .right, count: 1) == ["relu"])
    #expect(values(.initializer, .left, count: 1) == ["uniform"])
  }

  @Test("Clip norm starts off, turns on at 1, and cannot be stepped below off")
  func clipNorm() throws {
    var state = makeAppState()
    select(.clipNorm, in: &state)
    #expect(state.parameterRows[state.selectedIndex].value == "off")
    #expect(press(&state, .left).isEmpty)
    #expect(press(&state, .right) == [try setting("training.clip_norm=1.0")])
    #expect(values(.clipNorm, .right, count: 1) == ["1.0"])
  }

  @Test("Init, gain and layout changes are pending until re-initialization; other rows apply live")
  func pending() {
    var state = makeAppState()
    for parameter in TunableParameter.allCases where parameter != .hidden {
      select(parameter, in: &state)
      press(&state, .right)
      #expect(
        state.parameterRows[state.selectedIndex].isPending == (parameter.timing == .onReinitialization),
        "\(parameter)")
      #expect(
        (state.statusMessage?.contains("pending") == true) == (parameter.timing == .onReinitialization),
        "\(parameter)")
    }
    select(.initGain, in: &state)
    press(&state, .right)
    #expect(state.statusMessage?.hasSuffix("pending until i re-initializes") == true)
  }

  @Test("The hidden layout is typed, not stepped")
  func hiddenTyped() {
    var state = makeAppState()
    select(.hidden, in: &state)
    #expect(press(&state, .right).isEmpty)
    #expect(state.statusMessage?.contains("Enter") == true)
  }

  @Test("Every parameter's key and exact value round-trip through preset validation")
  func keysAreReal() throws {
    let preset = makeAppState().settings
    // Unset train samples (all) is typed as the size of the training split: the same data, another preset.
    for parameter in TunableParameter.allCases where parameter != .clipNorm && parameter != .trainSamples {
      let override = try PresetOverride(parsing: "\(parameter.presetKey)=\(parameter.typedValue(in: preset))")
      #expect(try preset.applying([override]) == preset, "\(parameter)")
    }
  }

  @Test("Rows show labels and readable values, the learning rate first")
  func rows() {
    let rows = makeAppState().parameterRows
    #expect(rows.count == ParameterCatalog.parameters.count)
    #expect(rows[0] == .init(name: "learning rate", value: "0.03"))
    #expect(rows.map(\.name).contains("beta2"))
    #expect(rows.first { $0.name == "init" }?.value == "xavier-uniform")
    #expect(rows.first { $0.name == "hidden" }?.value == "[16, 16]")
  }
}
