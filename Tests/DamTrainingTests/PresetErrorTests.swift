import Testing

@testable import DamTraining

@Suite("Preset errors name the file, line and key and say what is allowed")
struct PresetErrorTests {
  private func single(_ text: String, overrides: [String] = []) -> PresetDiagnostic? {
    let diagnostics = PresetTestSupport.diagnostics(text, overrides: overrides)
    #expect(diagnostics.count == 1, "\(diagnostics)")
    return diagnostics.first
  }

  @Test("A syntax error gives the parser's line and column")
  func syntaxError() throws {
    let diagnostic = try #require(single("title = \"x\"\n[data]\nnoise = = 2\n"))
    #expect(diagnostic.line == 3)
    #expect(diagnostic.column != nil)
    #expect(diagnostic.description.hasPrefix("test.toml:3:"))
    #expect(diagnostic.message.contains("TOML syntax error"))
  }

  @Test("An unknown key is reported at its line with the closest known key and the allowed ones")
  func unknownKeyWithSuggestion() throws {
    let diagnostic = try #require(single("title = \"x\"\n\n[training]\nlearnin_rate = 0.1\n"))
    #expect(diagnostic.line == 4)
    #expect(diagnostic.key == "training.learnin_rate")
    #expect(diagnostic.message.contains("Did you mean \"learning_rate\"?"))
    #expect(diagnostic.message.contains("optimizer, learning_rate, momentum"))
    #expect(diagnostic.description.hasPrefix("test.toml:4: unknown key \"learnin_rate\" in [training]"))
  }

  @Test("A key in the wrong table says where it belongs")
  func keyInWrongTable() throws {
    let diagnostic = try #require(single("[training]\ndropout = 0.5\n"))
    #expect(diagnostic.line == 2)
    #expect(diagnostic.message.contains("belongs in [model]"))
  }

  @Test("An unknown table is suggested the closest one")
  func unknownTable() throws {
    let diagnostic = try #require(single("[trainig]\nl2 = 0.1\n"))
    #expect(diagnostic.line == 1)
    #expect(diagnostic.message.contains("Did you mean \"training\"?"))
  }

  @Test("A table given a plain value is a wrong type")
  func sectionNotATable() throws {
    let diagnostic = try #require(single("data = 3\n"))
    #expect(diagnostic.line == 1)
    #expect(diagnostic.message.contains("expected the table [data], got an integer"))
  }

  @Test("A wrong type names the key, the value, what is expected and what was given")
  func wrongType() throws {
    let diagnostic = try #require(single("[model]\nhidden = [8, 8]\ndropout = \"half\"\n"))
    #expect(diagnostic.line == 3)
    #expect(diagnostic.key == "model.dropout")
    #expect(diagnostic.message.contains("model.dropout = \"half\" has the wrong type"))
    #expect(diagnostic.message.contains("got a string"))
  }

  @Test("A decimal where an integer is expected is a wrong type")
  func decimalForInteger() throws {
    let diagnostic = try #require(single("[training]\nbatch_size = 32.5\n"))
    #expect(diagnostic.message.contains("expected an integer"))
  }

  @Test("An out-of-range value states the range, reusing the engine's ranges for training keys")
  func outOfRange() throws {
    let rate = try #require(single("[training]\nlearning_rate = 20\n"))
    #expect(rate.line == 2)
    #expect(rate.message == "training.learning_rate = 20 is out of range: expected a finite number in (0, 10]")
    let noise = try #require(single("[data]\nnoise = 0.7\n"))
    #expect(noise.message == "data.noise = 0.7 is out of range: expected a finite number in [0, 0.5]")
    let samples = try #require(single("[data]\nsamples = 10\n"))
    #expect(samples.message.contains("an integer in 50...100000"))
    let hidden = try #require(single("[model]\nhidden = [8, 0]\n"))
    #expect(hidden.message.contains("each in 1...1000000"))
  }

  @Test("Non-finite numbers are rejected", arguments: ["inf", "-inf", "nan"])
  func nonFinite(literal: String) throws {
    let diagnostic = try #require(single("[model]\ninit_gain = \(literal)\n"))
    #expect(diagnostic.message.contains("expected a finite number"))
  }

  @Test("An unknown name lists the allowed names and suggests the closest")
  func unknownName() throws {
    let diagnostic = try #require(single("[model]\nactivation = \"rellu\"\n"))
    #expect(diagnostic.line == 2)
    #expect(diagnostic.message.contains("\"sigmoid\", \"tanh\", \"relu\", \"leaky-relu\", \"elu\", \"linear\""))
    #expect(diagnostic.message.contains("Did you mean \"relu\"?"))
  }

  @Test("A normal or uniform init needs a positive init_value")
  func initValueForNormal() throws {
    let diagnostic = try #require(single("[model]\ninit = \"normal\"\ninit_value = 0\n"))
    #expect(diagnostic.line == 3)
    #expect(diagnostic.message.contains("standard deviation"))
  }

  @Test("A CSV dataset needs a path and a target")
  func csvNeedsPathAndTarget() {
    let diagnostics = PresetTestSupport.diagnostics("[data]\ndataset = \"csv\"\n")
    #expect(diagnostics.count == 2)
    #expect(diagnostics.allSatisfy { $0.line == 2 })
  }

  @Test("Every problem is reported, in line order")
  func allProblemsReported() {
    let diagnostics = PresetTestSupport.diagnostics(
      "[run]\nsteps = 0\n[data]\nnoise = -1\n[model]\nactivation = 3\nwat = 1\n")
    #expect(diagnostics.map(\.line) == [2, 4, 6, 7])
  }

  @Test("Lines are found past multi-line strings, arrays and comments")
  func linesPastMultilineValues() throws {
    let text = """
      title = "x"  # [data] noise = 1
      description = \"\"\"
      [model]
      noise = 3
      \"\"\"
      [model]
      hidden = [
        8,  # a comment
        8,
      ]
      'activation' = "nope"
      """
    let diagnostic = try #require(single(text))
    #expect(diagnostic.line == 11)
  }

  @Test("A missing file is named with the reason")
  func missingFile() {
    #expect(throws: PresetError.self) { try Preset.load(path: "/nonexistent/folder/x.toml") }
    do {
      _ = try Preset.load(path: "/nonexistent/folder/x.toml")
    } catch {
      #expect(error.description == "/nonexistent/folder/x.toml: cannot read the preset: no such file")
    }
  }

  @Test("A directory is not a preset")
  func directoryIsNotAPreset() {
    do {
      _ = try Preset.load(path: "/")
      Issue.record("loading a directory succeeded")
    } catch {
      #expect(error.description.contains("it is a directory"))
    }
  }
}
