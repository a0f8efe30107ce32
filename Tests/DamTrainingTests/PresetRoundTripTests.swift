import Foundation
import Testing

@testable import DamTraining

@Suite("Saving presets")
struct PresetRoundTripTests {
  @Test(
    "Every shipped preset saved and loaded back has identical settings", arguments: BuiltInPresets.files.map(\.name))
  func shippedRoundTrip(name: String) throws {
    let original = try Preset.load(path: PresetTestSupport.presetsDirectory + "/\(name).toml")
    try PresetTestSupport.withTemporaryDirectory { folder in
      let path = folder + "/copy.toml"
      try original.save(to: path)
      var loaded = try Preset.load(path: path)
      loaded.name = original.name
      loaded.source = original.source
      #expect(loaded == original)
    }
  }

  @Test("Unusual strings, optional keys and extreme numbers survive a round trip")
  func unusualValuesRoundTrip() throws {
    var preset = Preset(name: "odd", source: .builtIn)
    preset.title = "Quotes \" and \\ backslashes, tab\t and é ü 🙂"
    preset.description = "Line one\nline 'two' ends with a quote'"
    preset.data.dataset = .csv
    preset.data.path = "/data/my \"file\".csv"
    preset.data.target = "class"
    preset.data.features = ["a b", "c"]
    preset.data.trainSamples = 17
    preset.training.learningRate = 0.1 + 0.2
    preset.training.epsilon = 1e-300
    preset.training.clipNorm = 123_456.789
    preset.training.dropoutPerLayer = [0.1, 0.2]
    preset.model.initializer = .init(kind: .constant, gain: 1, value: -0.5)
    preset.run.seed = UInt64(Int.max)
    var loaded = try PresetTestSupport.parse(preset.tomlText)
    loaded.name = preset.name
    loaded.source = preset.source
    #expect(loaded == preset)
  }

  @Test("A multi-line description is written readably")
  func multilineDescriptionReadable() {
    var preset = Preset(name: "x", source: .builtIn)
    preset.description = "first\nsecond\n"
    #expect(preset.tomlText.contains("description = '''\nfirst\nsecond\n'''"))
  }

  @Test("Saving never replaces an existing file unless asked, and leaves no temporary files")
  func refusesToOverwrite() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      let path = folder + "/mine.toml"
      try PresetTestSupport.write("title = \"keep me\"\n", to: path)
      var preset = Preset(name: "mine", source: .builtIn)
      preset.title = "new"
      #expect(throws: PresetError.self) { try preset.save(to: path) }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "title = \"keep me\"\n")
      try preset.save(to: path, overwrite: true)
      #expect(try Preset.load(path: path).title == "new")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["mine.toml"])
    }
  }

  @Test("Saving into a missing folder fails with the path")
  func missingFolder() {
    do {
      try Preset(name: "x", source: .builtIn).save(to: "/nonexistent-folder/x.toml")
      Issue.record("saved into a missing folder")
    } catch {
      #expect(error.description.hasPrefix("/nonexistent-folder/x.toml: the folder /nonexistent-folder does not exist"))
    }
  }
}
