import Testing

@testable import DamTraining

@Suite("--set overrides")
struct PresetOverrideTests {
  @Test("TOML values and bare words are applied over the file")
  func overridesApply() throws {
    let preset = try PresetTestSupport.parse(
      "[training]\nlearning_rate = 0.1\n",
      overrides: [
        "training.learning_rate=0.5", "model.hidden=[4, 4, 4]", "data.dataset=moons", "model.init=he-normal",
        "title=My own lesson", "run.seed = 9", "model.dropout=0",
      ])
    #expect(preset.training.learningRate == 0.5)
    #expect(preset.model.hidden == [4, 4, 4])
    #expect(preset.data.dataset == .moons)
    #expect(preset.model.initializer.kind == .heNormal)
    #expect(preset.title == "My own lesson")
    #expect(preset.run.seed == 9)
  }

  @Test("A later override wins")
  func laterWins() throws {
    let preset = try PresetTestSupport.parse("", overrides: ["run.steps=5", "run.steps=6"])
    #expect(preset.run.steps == 6)
  }

  @Test("A relative path from --set is resolved against the current directory")
  func overridePathIsRelativeToCurrentDirectory() throws {
    let preset = try PresetTestSupport.parse(
      "", overrides: ["data.dataset=csv", "data.path=mine.csv", "data.target=label"])
    #expect(preset.data.path == "/cwd/mine.csv")
  }

  @Test("An invalid override value is reported naming the override")
  func invalidValueNamesOverride() throws {
    let diagnostics = PresetTestSupport.diagnostics("", overrides: ["training.learning_rate=20"])
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.override == "training.learning_rate=20")
    #expect(
      diagnostic.description.hasPrefix("--set training.learning_rate=20: training.learning_rate = 20 is out of range"))
    #expect(diagnostic.description.hasSuffix("(in test.toml)"))
  }

  @Test("An unknown override key suggests the closest")
  func unknownOverrideKey() throws {
    let diagnostic = try #require(PresetTestSupport.diagnostics("", overrides: ["training.l3=1"]).first)
    #expect(diagnostic.override == "training.l3=1")
    #expect(diagnostic.message.contains("unknown key \"l3\" in [training]"))
    let table = try #require(PresetTestSupport.diagnostics("", overrides: ["modle.hidden=[2]"]).first)
    #expect(table.message.contains("Did you mean \"model\"?"))
  }

  @Test(
    "Malformed overrides are rejected naming the argument",
    arguments: ["training.learning_rate", "=3", "a.b.c=1", "model.hidden=[1, 2", "model.hidden=", "title=\"open"])
  func malformed(argument: String) {
    do {
      _ = try PresetOverride(parsing: argument)
      Issue.record("accepted \(argument)")
    } catch {
      #expect(error.diagnostics.first?.override == argument)
      #expect(error.description.hasPrefix("--set \(argument): "))
    }
  }

  @Test(
    "An integer beyond 64 bits is reported as out of range, not as a string",
    arguments: ["18446744073709551615", "-9_223_372_036_854_775_809"])
  func integerOutOfRange(value: String) {
    do {
      _ = try PresetOverride(parsing: "run.seed=\(value)")
      Issue.record("accepted \(value)")
    } catch {
      #expect(
        error.description
          == "--set run.seed=\(value): \(value) is out of range: integers are 64-bit, at most 9223372036854775807")
    }
  }

  @Test(
    "A decimal beyond 64-bit floating point is reported as out of range, not as a string of the wrong type",
    arguments: ["1e999", "-1.5e400", "2E+999"])
  func decimalOutOfRange(value: String) {
    do {
      _ = try PresetOverride(parsing: "training.learning_rate=\(value)")
      Issue.record("accepted \(value)")
    } catch {
      #expect(
        error.description
          == "--set training.learning_rate=\(value): \(value) is out of range: numbers are 64-bit floating point, "
          + "at most 1.7976931348623157e308")
    }
  }

  @Test("A feature column named twice is an error that says so")
  func repeatedFeature() throws {
    let diagnostic = try #require(
      PresetTestSupport.diagnostics("[data]\nfeatures = [\"a\", \"b\", \"a\"]\n").first)
    #expect(diagnostic.line == 2)
    #expect(diagnostic.message.contains("names \"a\" twice: expected an array of distinct column names"))
  }

  @Test("An override fixes a bad value in the file")
  func overrideReplacesBadFileValue() throws {
    let preset = try PresetTestSupport.parse("[model]\ndropout = 2\n", overrides: ["model.dropout=0.5"])
    #expect(preset.training.dropout == 0.5)
  }

  @Test("Overrides apply to a loaded preset with the same validation")
  func applyingToPreset() throws {
    let preset = try PresetTestSupport.parse("[training]\nl2 = 0.5\n")
    let changed = try preset.applying([PresetOverride(parsing: "training.l1=0.25")], currentDirectory: "/cwd")
    #expect(changed.training.l1 == 0.25)
    #expect(changed.training.l2 == 0.5)
    #expect(throws: PresetError.self) { try preset.applying([PresetOverride(parsing: "training.l1=-1")]) }
  }
}
