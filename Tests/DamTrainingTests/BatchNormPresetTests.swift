import DamEngine
import Testing

@testable import DamTraining

/// The `model.batch_norm` key: parsed, overridden, validated, saved, and applied on re-initialization.
@Suite("model.batch_norm")
struct BatchNormPresetTests {
  @Test("batch_norm is off by default and turns batch normalization on in the network's architecture")
  func keyReachesTheArchitecture() throws {
    #expect(try PresetTestSupport.parse("").model.batchNorm == false)
    let preset = try PresetTestSupport.parse("[model]\nbatch_norm = true\nhidden = [8, 8]\n")
    #expect(preset.model.batchNorm)
    let architecture = preset.model.architecture(inputs: 2, head: .binary)
    #expect(architecture.batchNorm && architecture.hidden == [8, 8])
  }

  @Test("--set model.batch_norm=true works, and the saved preset reads back the same")
  func overrideAndRoundTrip() throws {
    let preset = try PresetTestSupport.parse("", overrides: ["model.batch_norm=true"])
    #expect(preset.model.batchNorm)
    #expect(preset.tomlText.contains("batch_norm = true"))
    #expect(try PresetTestSupport.parse(preset.tomlText).model == preset.model)
  }

  @Test("A value other than true or false is refused with what is allowed")
  func wrongType() throws {
    let diagnostic = try #require(PresetTestSupport.diagnostics("[model]\nbatch_norm = 1\n").first)
    #expect(diagnostic.message == "model.batch_norm = 1 has the wrong type: expected true or false, got an integer")
  }

  @Test("Batch normalization with batches of one sample is refused")
  func batchSizeOne() throws {
    let diagnostic = try #require(
      PresetTestSupport.diagnostics("[model]\nbatch_norm = true\n[training]\nbatch_size = 1\n").first)
    #expect(diagnostic.message.hasPrefix("training.batch_size = 1 is out of range: with model.batch_norm = true"))
    #expect(
      PresetTestSupport.diagnostics("[model]\nbatch_norm = true\nhidden = []\n[training]\nbatch_size = 1\n").isEmpty)
  }

  @Test("Changing batch_norm in a session applies on re-initialization, like the other model keys")
  func appliesOnReinitialization() throws {
    var trainer = try Trainer(preset: Preset(name: "test", source: .builtIn))
    _ = trainer.trainStep()
    try trainer.apply(.set(try PresetOverride(parsing: "model.batch_norm=true")))
    #expect(trainer.network.architecture.batchNorm == false)
    _ = trainer.trainStep()
    try trainer.apply(.reinitialize)
    #expect(trainer.network.architecture.batchNorm)
    let loss = trainer.trainStep().dataLoss
    #expect(loss.isFinite)
  }
}

@Suite("Batch norm needs batches of two")
struct BatchNormSplitTests {
  @Test("Batch norm with train_samples = 1 does not start: every batch would hold one sample")
  func oneTrainingSample() throws {
    let preset = try PresetTestSupport.parse("[model]\nbatch_norm = true\n[data]\ntrain_samples = 1\n")
    #expect(throws: SessionError.self) { try Trainer(preset: preset) }
    do {
      _ = try Trainer(preset: preset)
    } catch {
      #expect(error.message.contains("model.batch_norm = true needs batches of at least 2 samples"))
    }
  }

  @Test("Changing train_samples to 1 under batch norm is refused between steps")
  func changeToOneSample() throws {
    var trainer = try Trainer(preset: try PresetTestSupport.parse("[model]\nbatch_norm = true\n"))
    #expect(throws: SessionError.self) {
      try trainer.apply(.set(try PresetOverride(parsing: "data.train_samples=1")))
    }
    #expect(trainer.data.train.count > 1)
  }
}
