import Foundation
import Testing

/// The scripting commands of the release binary: `presets`, `check`, `data` and `--set`, run as a user would.
@Suite("Command line")
struct CLITests {
  /// The shipped presets, read from `presets/*.toml`: name and title.
  static let shippedPresets: [(name: String, title: String)] = {
    let folder = ReleaseBinary.packageRoot.appendingPathComponent("presets")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".toml") }.sorted().compactMap { file in
      guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { return nil }
      return (String(file.dropLast(5)), title(in: text))
    }
  }()

  /// The `title = "..."` of a preset file.
  static func title(in toml: String) -> String {
    for line in toml.split(separator: "\n") where line.hasPrefix("title = \"") {
      return String(line.dropFirst(9).dropLast())
    }
    return ""
  }

  /// An environment whose user preset folder is empty, so only ./presets and the built-ins count.
  static func isolatedEnvironment(_ folder: TemporaryFolder) -> [String: String] {
    ["XDG_CONFIG_HOME": folder.url.path]
  }

  /// The lines of `dam-tui presets` output, keyed by preset name.
  static func listing(_ stdout: String) -> [String: String] {
    var lines: [String: String] = [:]
    for line in stdout.split(separator: "\n") {
      if let name = line.split(separator: " ").first { lines[String(name)] = String(line) }
    }
    return lines
  }

  @Test("The nineteen lessons ship, each with a title")
  func nineteenLessonsShip() {
    let names = Set(Self.shippedPresets.map(\.name))
    #expect(
      names == [
        "default", "overfitting", "l2-cures-overfitting", "l1-sparsity", "dropout-cures-overfitting", "more-data",
        "augmentation", "unnormalized-inputs", "vanishing-gradients", "exploding-gradients", "zero-init-symmetry",
        "he-init-for-relu", "learning-rate-too-high", "learning-rate-too-low", "adam-vs-sgd", "digits",
        "batch-norm", "initialization", "minimum",
      ])
    for preset in Self.shippedPresets { #expect(!preset.title.isEmpty, "\(preset.name) has no title") }
  }

  @Test("`presets` lists every shipped preset with its title from ./presets")
  func presetsListsShippedFiles() throws {
    let config = try TemporaryFolder()
    let run = try CommandRun.damTUI(["presets"], environment: Self.isolatedEnvironment(config))
    #expect(run.status == 0, "\(run.stderr)")
    let lines = Self.listing(run.stdout)
    for preset in Self.shippedPresets {
      let line = try #require(lines[preset.name], "\(preset.name) missing from:\n\(run.stdout)")
      #expect(line.contains(preset.title))
      #expect(line.contains("presets/\(preset.name).toml"), "listed from the wrong place: \(line)")
    }
  }

  @Test("`presets` from another folder lists the same nineteen as built-in presets")
  func presetsFromAnotherFolderAreBuiltIn() throws {
    let folder = try TemporaryFolder()
    let run = try CommandRun.damTUI(["presets"], in: folder.url, environment: Self.isolatedEnvironment(folder))
    #expect(run.status == 0, "\(run.stderr)")
    let lines = Self.listing(run.stdout)
    #expect(lines.count == Self.shippedPresets.count, "\(run.stdout)")
    for preset in Self.shippedPresets {
      let line = try #require(lines[preset.name], "\(preset.name) missing from:\n\(run.stdout)")
      #expect(line.contains(preset.title))
      #expect(line.hasSuffix("[built-in]"), "\(line)")
    }
  }

  @Test("`check` accepts every shipped preset file and every built-in name")
  func checkAcceptsShippedPresets() throws {
    let files = Self.shippedPresets.map { "presets/\($0.name).toml" }
    let byFile = try CommandRun.damTUI(["check"] + files)
    #expect(byFile.status == 0, "\(byFile.stderr)")
    #expect(byFile.stdout.split(separator: "\n").count == files.count)

    let folder = try TemporaryFolder()
    let byName = try CommandRun.damTUI(
      ["check"] + Self.shippedPresets.map(\.name), in: folder.url, environment: Self.isolatedEnvironment(folder))
    #expect(byName.status == 0, "\(byName.stderr)")
  }

  /// A broken preset: its text, the line the error must name, and words the message must contain.
  struct BadPreset: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var mentions: [String]
    var testDescription: String { name }
  }

  static let badPresets: [BadPreset] = [
    BadPreset(
      name: "unknown key", text: "title = \"x\"\n[training]\nlearnin_rate = 0.1\n", line: 3,
      mentions: ["unknown key \"learnin_rate\"", "Did you mean \"learning_rate\""]),
    BadPreset(
      name: "wrong type", text: "[model]\nhidden = [8]\ndropout = \"half\"\n", line: 3,
      mentions: ["model.dropout", "wrong type", "number"]),
    BadPreset(
      name: "out of range", text: "[run]\nseed = 1\n\n[training]\nlearning_rate = -1\n", line: 5,
      mentions: ["training.learning_rate", "out of range", "(0, 10]"]),
    BadPreset(
      name: "unknown name", text: "[model]\nactivation = \"rellu\"\n", line: 2,
      mentions: ["model.activation", "Did you mean \"relu\"", "sigmoid"]),
    BadPreset(name: "syntax error", text: "[data]\nsamples = 100\nnoise = = 0.2\n", line: 3, mentions: ["syntax"]),
    BadPreset(
      name: "lesson try",
      text: "[lesson]\ngoal = \"val_acc >= 0.9\"\ntry = [{ set = [\"training.l3=1\"], why = \"w\" }]\n",
      line: 3, mentions: ["lesson.try #1", "unknown key \"l3\""]),
  ]

  @Test("`check` exits 2 and names the file, line and key of a broken preset", arguments: badPresets)
  func checkRejectsBrokenPreset(_ bad: BadPreset) throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("bad.toml", bad.text)
    let run = try CommandRun.damTUI(["check", file])
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(file):\(bad.line)"), "\(run.stderr)")
    for word in bad.mentions { #expect(run.stderr.contains(word), "\(word) not in: \(run.stderr)") }
  }

  @Test("`check` reports a missing file and keeps checking the others")
  func checkReportsMissingFile() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path("absent.toml")
    let run = try CommandRun.damTUI(["check", "presets/default.toml", missing])
    #expect(run.status == 2)
    #expect(run.stdout.contains("presets/default.toml: ok"))
    #expect(run.stderr.contains(missing))
  }

  @Test(
    "A bad `--set` exits 2 and quotes the argument",
    arguments: [
      "training.learning_rate=-1", "model.activation=rellu", "training.learnin_rate=0.1", "learning_rate",
      "model.hidden=[8,", "run.steps=1.5",
    ])
  func badOverrideExitsTwo(_ argument: String) throws {
    for command in [["check", "default"], ["data", "--preset", "default", "--out", "/dev/null"]] {
      let run = try CommandRun.damTUI(command + ["--set", argument])
      #expect(run.status == 2, "\(command) --set \(argument)")
      #expect(run.stderr.contains(argument), "\(run.stderr)")
    }
  }

  @Test("A good `--set` is applied before validation")
  func goodOverrideIsAccepted() throws {
    let run = try CommandRun.damTUI([
      "check", "default", "--set", "training.learning_rate=0.3", "--set", "model.hidden=[8, 8]", "--set",
      "model.activation=relu", "--set", "title=Mine",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("ok (Mine)"))
  }

  @Test("`data` writes the default preset's prepared spiral as CSV")
  func dataWritesCSV() throws {
    let folder = try TemporaryFolder()
    let out = folder.path("spiral.csv")
    let run = try CommandRun.damTUI(["data", "--preset", "default", "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "x0,x1,y,split")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    // default: 1,000 spiral points, half of them for training.
    #expect(rows.count == 1000)
    #expect(rows.filter { $0.last == "train" }.count == 500)
    #expect(rows.filter { $0.last == "validation" }.count == 500)
    for row in rows {
      #expect(row.count == 4)
      #expect(row[0...1].allSatisfy { Float($0)?.isFinite == true })
      #expect(row[2] == "0" || row[2] == "1")
    }
    // normalize = "standard": training features have mean 0 and standard deviation 1.
    let train = rows.filter { $0.last == "train" }.compactMap { Double($0[0]) }
    let mean = train.reduce(0, +) / Double(train.count)
    let variance = train.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(train.count)
    #expect(abs(mean) < 1e-3)
    #expect(abs(variance.squareRoot() - 1) < 1e-2)
  }

  @Test("A copy of the binary in another folder still finds the built-in presets")
  func copiedBinaryFindsBuiltIns() throws {
    let folder = try TemporaryFolder()
    let copy = folder.path("dam-tui")
    try FileManager.default.copyItem(atPath: try ReleaseBinary.path, toPath: copy)
    let environment = Self.isolatedEnvironment(folder)

    let list = try Self.run(copy, ["presets"], in: folder, environment: environment)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(Self.listing(list.stdout).count == Self.shippedPresets.count, "\(list.stdout)")

    let check = try Self.run(copy, ["check"] + Self.shippedPresets.map(\.name), in: folder, environment: environment)
    #expect(check.status == 0, "\(check.stderr)")

    let out = folder.path("moons.csv")
    let data = try Self.run(
      copy, ["data", "--preset", "overfitting", "--out", out], in: folder, environment: environment)
    #expect(data.status == 0, "\(data.stderr)")
    #expect(FileManager.default.fileExists(atPath: out))
  }

  /// Runs `executable` in `folder`, its output captured through files there.
  static func run(
    _ executable: String, _ arguments: [String], in folder: TemporaryFolder, environment: [String: String]
  ) throws -> CommandRun {
    let outPath = folder.path("stdout-\(UUID().uuidString)")
    let errPath = folder.path("stderr-\(UUID().uuidString)")
    try Data().write(to: URL(fileURLWithPath: outPath))
    try Data().write(to: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    process.waitUntilExit()
    return CommandRun(
      status: process.terminationStatus, stdout: try String(contentsOfFile: outPath, encoding: .utf8),
      stderr: try String(contentsOfFile: errPath, encoding: .utf8))
  }
}
