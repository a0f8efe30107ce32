import Foundation
import Testing

@testable import DamTraining

@Suite("Built-in presets")
struct PresetEmbeddingTests {
  @Test("The built-in presets are exactly the files in presets/")
  func embeddedCopyMatchesFiles() throws {
    let folder = PresetTestSupport.presetsDirectory
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".toml") }.sorted()
    let message: Comment = "the built-in presets are stale: run `python3 scripts/embed-presets.py`"
    #expect(BuiltInPresets.files.map { $0.name + ".toml" } == files, message)
    for file in BuiltInPresets.files {
      let text = try String(contentsOfFile: folder + "/\(file.name).toml", encoding: .utf8)
      #expect(file.text == text, message)
    }
  }
}
