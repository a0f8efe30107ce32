import Testing

@testable import DamTraining

@Suite("Preset parsing never crashes")
struct PresetRobustnessTests {
  /// A small deterministic generator (SplitMix64) so failures reproduce.
  private struct Bytes {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Parses `bytes`; returns the preset, or nil after checking that the rejection carries diagnostics
  /// naming the file.
  private func parseOrDiagnose(_ bytes: [UInt8]) -> Preset? {
    do {
      return try Preset.parse(bytes, name: "fuzz", source: .builtIn, file: "fuzz.toml", currentDirectory: "/")
    } catch {
      #expect(!error.diagnostics.isEmpty)
      #expect(error.diagnostics.allSatisfy { $0.file == "fuzz.toml" && !$0.message.isEmpty })
      return nil
    }
  }

  @Test("Random bytes are rejected with a diagnostic")
  func randomBytes() {
    var random = Bytes(state: 1)
    for length in 1..<300 {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(parseOrDiagnose(bytes) == nil, "accepted \(bytes)")
    }
  }

  @Test("Random TOML-looking text is rejected with a diagnostic, or parsed into a preset that saves and loads back")
  func randomTokens() throws {
    let tokens = [
      "[data]", "[model]", "[training]", "[run]", "[[x]]", "a", "=", "\"", "'''", "\"\"\"", "[", "]", "{", "}", ",",
      "\n", " ", "#", "1", "-0.5e3", "inf", "nan", "true", "1979-05-27", "hidden", "dropout", ".", "\\u0000", "é",
    ]
    var random = Bytes(state: 2)
    var outcomes = (parsed: 0, rejected: 0)
    for _ in 0..<1000 {
      let count = Int(random.next() % 24)
      let text = (0..<count).map { _ in tokens[Int(random.next() % UInt64(tokens.count))] }.joined()
      guard let preset = parseOrDiagnose(Array(text.utf8)) else {
        outcomes.rejected += 1
        continue
      }
      outcomes.parsed += 1
      var loaded = try PresetTestSupport.parse(preset.tomlText)
      loaded.name = preset.name
      loaded.source = preset.source
      #expect(loaded == preset, "\(text)")
    }
    #expect(outcomes.parsed > 0 && outcomes.rejected > 0, "\(outcomes)")
  }

  @Test("Every prefix of a shipped preset is parsed or rejected with a diagnostic")
  func truncatedFiles() throws {
    let text = try #require(BuiltInPresets.files.first { $0.name == "overfitting" }?.text)
    let bytes = Array(text.utf8)
    var valid = 0
    for length in 0...bytes.count where parseOrDiagnose(Array(bytes[..<length])) != nil { valid += 1 }
    #expect(valid > 0)
  }

  @Test(
    "A table header without a name is a syntax error, not a parser assertion",
    arguments: ["[#", "[}", "[[#", "a = 1\n[ \n", "[é]"])
  func headerWithoutName(text: String) throws {
    let diagnostics = PresetTestSupport.diagnostics(text)
    #expect(diagnostics.first?.message.contains("TOML syntax error") == true)
  }

  @Test("Invalid UTF-8 and NUL bytes are reported with their line")
  func invalidEncoding() {
    for bytes in [Array("title = \"a\"\n".utf8) + [0xFF], Array("title = \"a\"\n".utf8) + [0x00]] {
      do {
        _ = try Preset.parse(bytes, name: "x", source: .builtIn, file: "x.toml")
        Issue.record("accepted \(bytes)")
      } catch {
        #expect(error.diagnostics.first?.line == 2)
      }
    }
  }

  @Test("Deep nesting and huge files are rejected, not crashed on")
  func deepNestingAndHugeFiles() {
    let deep = "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(parseOrDiagnose(Array(deep.utf8)) == nil)
    #expect(parseOrDiagnose([UInt8](repeating: 0x20, count: TOMLReader.maximumSize + 1)) == nil)
  }
}
