import DamEngine
import Testing

@testable import DamTraining

/// The initialization survey on the 10-layer test network: ten hidden layers of 64 units on the
/// data of `Preset`'s defaults (one batch of 32), at step 0.
@Suite("Initialization survey")
struct InitializationSurveyTests {
  static let tenLayers = "model.hidden=[64, 64, 64, 64, 64, 64, 64, 64, 64, 64]"

  private func survey(_ overrides: [String]) throws -> InitializationSurvey {
    let preset = try Preset(name: "default", source: .builtIn).applying(
      overrides.map { try PresetOverride(parsing: $0) })
    return try InitializationSurvey(trainer: try Trainer(preset: preset))
  }

  private func profile(_ survey: InitializationSurvey, _ label: String) throws -> InitializationProfile {
    try #require(survey.profiles.first { $0.candidate.label == label && !$0.candidate.isCurrent })
  }

  /// The standard deviations of the first and the last hidden layer's outputs.
  private func firstAndLastHidden(_ profile: InitializationProfile) -> (first: Double, last: Double) {
    (profile.hiddenLayers.first!.activationStd, profile.hiddenLayers.last!.activationStd)
  }

  @Test("The line-up: zeros, normal 0.01, normal 1, xavier-uniform, he-normal, then the run's own")
  func lineUp() throws {
    let survey = try survey([Self.tenLayers, "model.init=\"he-uniform\"", "model.init_gain=1.5"])
    #expect(
      survey.profiles.map(\.candidate.label) == [
        "zeros", "normal 0.01", "normal 1", "xavier-uniform", "he-normal", "he-uniform x1.5",
      ])
    #expect(survey.profiles.map(\.candidate.isCurrent) == [false, false, false, false, false, true])
    #expect(survey.batchSize == 32)
    for profile in survey.profiles {
      #expect(profile.layers.count == 11)
      #expect(profile.layers.dropLast().allSatisfy { $0.units == 64 })
    }
  }

  @Test("He-normal keeps ReLU activations within a factor of 2 from the first hidden layer to the last")
  func heKeepsReluSteady() throws {
    let (first, last) = firstAndLastHidden(
      try profile(try survey([Self.tenLayers, "model.activation=relu"]), "he-normal"))
    #expect(first > 0 && last > 0)
    #expect(max(first, last) / min(first, last) < 2, "first \(first), last \(last)")
  }

  @Test("Normal(0.01) makes ReLU activations fall by more than 100x from the first hidden layer to the last")
  func smallNormalVanishes() throws {
    let (first, last) = firstAndLastHidden(
      try profile(try survey([Self.tenLayers, "model.activation=relu"]), "normal 0.01"))
    #expect(first / last > 100, "first \(first), last \(last)")
  }

  @Test("Normal(1) makes ReLU activations explode layer after layer")
  func largeNormalExplodes() throws {
    let (first, last) = firstAndLastHidden(
      try profile(try survey([Self.tenLayers, "model.activation=relu"]), "normal 1"))
    #expect(last / first > 100, "first \(first), last \(last)")
  }

  /// Xavier's variance argument holds where tanh is nearly linear; its activations still drift down slowly
  /// (0.245 to 0.110 over ten layers here), far from normal(0.01)'s collapse.
  @Test("Xavier keeps tanh activations within a factor of 3 where normal(0.01) shrinks them 100x")
  func xavierKeepsTanhSteady() throws {
    let survey = try survey([Self.tenLayers, "model.activation=tanh"])
    let xavier = firstAndLastHidden(try profile(survey, "xavier-uniform"))
    #expect(max(xavier.first, xavier.last) / min(xavier.first, xavier.last) < 3, "\(xavier)")
    let small = firstAndLastHidden(try profile(survey, "normal 0.01"))
    #expect(small.first / small.last > 100, "\(small)")
  }

  @Test("With zeros every unit of every hidden layer is identical and no hidden weight gets a gradient")
  func zerosAreSymmetric() throws {
    let zeros = try profile(try survey([Self.tenLayers, "model.activation=tanh"]), "zeros")
    #expect(zeros.hasIdenticalUnits)
    #expect(zeros.hiddenLayers.allSatisfy { $0.distinctUnits == 1 && $0.gradientNorm == 0 })
    let he = try profile(try survey([Self.tenLayers, "model.activation=tanh"]), "he-normal")
    #expect(!he.hasIdenticalUnits)
    #expect(he.hiddenLayers.allSatisfy { $0.distinctUnits == 64 })
  }

  @Test("The survey leaves the trainer's weights and step alone")
  func trainerUntouched() throws {
    let trainer = try Trainer(preset: Preset(name: "default", source: .builtIn))
    let before = trainer.network.parameters
    _ = try InitializationSurvey(trainer: trainer)
    #expect(trainer.network.parameters == before)
    #expect(trainer.step == 0)
  }
}
