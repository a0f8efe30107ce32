import Testing

@testable import DamTraining

@Suite("Finding presets")
struct PresetLibraryTests {
  private let builtIns = ["shared": "title = \"built-in shared\"\n", "only-built-in": "title = \"built-in\"\n"]

  @Test("A name is looked up in ./presets, then the config folder, then the built-in presets")
  func lookupOrder() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      let project = root + "/project"
      let config = root + "/config"
      try PresetTestSupport.write("title = \"local shared\"\n", to: project + "/presets/shared.toml")
      try PresetTestSupport.write("title = \"config shared\"\n", to: config + "/dam-tui/presets/shared.toml")
      try PresetTestSupport.write("title = \"config only\"\n", to: config + "/dam-tui/presets/mine.toml")
      let library = PresetLibrary(
        currentDirectory: project, environment: ["XDG_CONFIG_HOME": config, "HOME": "/nowhere"], builtIns: builtIns)
      #expect(try library.resolve("shared").title == "local shared")
      #expect(try library.resolve("mine").title == "config only")
      #expect(try library.resolve("mine").source == .file(path: config + "/dam-tui/presets/mine.toml"))
      #expect(try library.resolve("only-built-in").source == .builtIn)
      #expect(library.entries().map(\.name) == ["mine", "only-built-in", "shared"])
      #expect(library.entries().first { $0.name == "shared" }?.source == .file(path: project + "/presets/shared.toml"))
    }
  }

  @Test("Without XDG_CONFIG_HOME the config folder is ~/.config")
  func homeConfigFallback() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try PresetTestSupport.write("title = \"home\"\n", to: root + "/.config/dam-tui/presets/mine.toml")
      let library = PresetLibrary(currentDirectory: root + "/elsewhere", environment: ["HOME": root], builtIns: [:])
      #expect(try library.resolve("mine").title == "home")
    }
  }

  @Test("A path is opened as a file, relative to the current directory")
  func pathReference() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try PresetTestSupport.write("title = \"by path\"\n", to: root + "/sub/lesson.toml")
      let library = PresetLibrary(currentDirectory: root, environment: [:], builtIns: builtIns)
      #expect(try library.resolve("sub/lesson.toml").title == "by path")
      #expect(try library.resolve(root + "/sub/lesson.toml").name == "lesson")
      #expect(throws: PresetError.self) { try library.resolve("missing.toml") }
    }
  }

  @Test("An unknown name suggests the closest preset and lists the known ones")
  func unknownName() throws {
    let library = PresetLibrary(currentDirectory: "/nonexistent", environment: [:], builtIns: builtIns)
    do {
      _ = try library.resolve("sharred")
      Issue.record("resolved an unknown name")
    } catch {
      #expect(error.description.contains("Did you mean \"shared\"?"))
      #expect(error.description.contains("Known: only-built-in, shared"))
    }
  }

  @Test("The shipped presets resolve by name from any directory")
  func shippedPresetsResolveAnywhere() throws {
    let library = PresetLibrary(currentDirectory: "/nonexistent", environment: [:])
    for name in PresetTestSupport.lessonNames {
      #expect(try library.resolve(name).source == .builtIn)
    }
  }
}
