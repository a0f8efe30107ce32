import DamTraining
import Testing

@testable import DamUI

@Suite("Data settings on the parameter panel")
struct AppDataParameterTests {
  @Test("The panel has a data group after the model, and init value in the model group")
  func rows() {
    let names = ParameterCatalog.parameters.map(\.presetKey)
    let data = [
      "data.dataset", "data.samples", "data.noise", "data.train_samples", "data.train_fraction", "data.normalize",
      "data.feature_scale", "data.augment",
    ]
    #expect(Array(names.suffix(data.count)) == data)
    #expect(names.firstIndex(of: "model.init_value") == names.firstIndex(of: "model.init_gain")! + 1)
    #expect(TunableParameter.initValue.timing == .onReinitialization)
    #expect(TunableParameter.normalize.timing == .live)
  }

  @Test("Adjusting a data setting sends it as a recorded change, like any other")
  func adjustSends() throws {
    var state = makeAppState()
    select(.normalize, in: &state)
    #expect(press(&state, .right) == [try setting("data.normalize=minmax")])
    select(.samples, in: &state)
    #expect(press(&state, .right) == [try setting("data.samples=1000")])
    select(.noise, in: &state)
    #expect(press(&state, .left) == [try setting("data.noise=0.05")])
    select(.featureScale, in: &state)
    #expect(press(&state, .right) == [try setting("data.feature_scale=1.25")])
    select(.augment, in: &state)
    #expect(press(&state, .right) == [try setting("data.augment=0.05")])
  }

  @Test("train samples shows all, steps down from the training split, and stops at it going up")
  func trainSamples() throws {
    var state = makeAppState()
    select(.trainSamples, in: &state)
    #expect(TunableParameter.trainSamples.displayValue(in: state.settings) == "all")
    #expect(press(&state, .right).isEmpty, "all of the training split is the top")
    #expect(press(&state, .left) == [try setting("data.train_samples=125")])
    #expect(press(&state, .right) == [try setting("data.train_samples=250")])
  }

  @Test("A dataset with another output asks first; n keeps the data, y changes it and re-initializes")
  func reshapeAsks() throws {
    var state = makeAppState()
    select(.dataset, in: &state)
    #expect(press(&state, .right) == [try setting("data.dataset=moons")], "spiral to moons keeps the shape")
    #expect(press(&state, .right).isEmpty, "moons to plane changes the output: nothing is sent yet")
    #expect(state.dialog == .confirmReshape(.dataset, value: "plane"))
    #expect(press(&state, .character("n")).isEmpty && state.dialog == nil)
    #expect(state.settings.data.dataset == .moons)
    press(&state, .right)
    let effects = press(&state, .character("y"))
    #expect(state.dialog == nil && state.settings.data.dataset == .plane)
    #expect(effects.first == (try setting("data.dataset=plane")) && effects.last == .send(.reinitialize))
    #expect(effects.contains { if case .captureGhost = $0 { true } else { false } })
  }

  @Test("The question names both shapes")
  func reshapeQuestion() {
    var state = makeAppState(width: 120, height: 40)
    select(.dataset, in: &state)
    press(&state, .right, .right)
    let screen = view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii).lines.joined(separator: " ")
    #expect(screen.contains("Re-initialize for the new data?"))
    #expect(screen.contains("2 inputs and one sigmoid output"), "\(screen)")
    #expect(screen.contains("y: change and re-initialize"))
  }
}
