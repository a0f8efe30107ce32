import Foundation
import Testing

/// Issue 16, "nothing clobbered": outputs never destroy what is there, are never half-written, never
/// replace an input, are all checked before any work, and standard output failing is an error.
@Suite("Outputs: never destroyed, never half-written")
struct OutputSafetyTests {
  /// A CSV preset in `folder`: `good.toml` reading `good.csv` (40 rows, two features, a 0/1 target).
  static func csvPreset(in folder: TemporaryFolder) throws -> (preset: String, csv: String) {
    let rows = (0..<40).map { "\(Double($0) / 40),\(Double($0 % 7) / 7),\($0 % 2)" }
    let csv = try folder.write("good.csv", "a,b,y\n" + rows.joined(separator: "\n") + "\n")
    let preset = try folder.write("good.toml", "[data]\ndataset = \"csv\"\npath = \"good.csv\"\ntarget = \"y\"\n")
    return (preset, csv)
  }

  static func fileType(_ path: String) -> mode_t? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return status.st_mode & S_IFMT
  }

  @Test("`data --out` writes a character device in place instead of replacing it with a file")
  func dataWritesDeviceInPlace() throws {
    let folder = try TemporaryFolder()
    let node = folder.path("null")
    guard PrivateNode.characterDevice(at: node, minor: 3, purpose: "data --out DEVICE") else { return }
    let run = try CommandRun.damTUI(["data", "--preset", "default", "--out", node])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.fileType(node) == S_IFCHR, "the device node was replaced")
  }

  @Test("`data --out` writes a FIFO in place: the reader gets the CSV and the FIFO stays")
  func dataWritesFIFOInPlace() throws {
    let folder = try TemporaryFolder()
    let fifo = folder.path("fifo")
    #expect(mkfifo(fifo, 0o644) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo]
    let pipe = Pipe()
    reader.standardOutput = pipe
    try reader.run()
    let run = try CommandRun.damTUI(["data", "--preset", "default", "--out", fifo])
    #expect(run.status == 0, "\(run.stderr)")
    // SIGKILL: a child of a test thread inherits its blocked signals, SIGTERM among them.
    if run.status != 0 || Self.fileType(fifo) != S_IFIFO { kill(reader.processIdentifier, SIGKILL) }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    reader.waitUntilExit()
    #expect(text.hasPrefix("x0,x1,y,split\n"))
    #expect(Self.fileType(fifo) == S_IFIFO, "the FIFO was replaced")
  }

  @Test("A symlinked output stays a symlink; its target is replaced with its mode kept")
  func symlinkFollowedAndModeKept() throws {
    let folder = try TemporaryFolder()
    let target = try folder.write("target.csv", "old\n")
    #expect(chmod(target, 0o600) == 0)
    let link = folder.path("link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
    let run = try CommandRun.damTUI(["data", "--preset", "default", "--out", link, "--force"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.fileType(link) == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("x0,x1,y,split\n"))
    var status = stat()
    #expect(stat(target, &status) == 0 && status.st_mode & 0o7777 == 0o600)
  }

  /// One output option pointing into a missing folder, with the arguments that use it.
  struct MissingFolderCase: Sendable, CustomTestStringConvertible {
    var option: String
    var arguments: [String]
    var testDescription: String { option }
  }

  static let missingFolderCases: [MissingFolderCase] = [
    MissingFolderCase(option: "--save-weights", arguments: ["train", "--steps", "200"]),
    MissingFolderCase(option: "--record", arguments: ["train", "--steps", "200"]),
    MissingFolderCase(option: "--jsonl", arguments: ["train", "--steps", "200"]),
    MissingFolderCase(
      option: "--save-best",
      arguments: ["sweep", "--vary", "training.learning_rate=0.01,0.1", "--trials", "2", "--budget", "20"]),
    MissingFolderCase(option: "--out", arguments: ["data", "--preset", "default"]),
  ]

  @Test("Every output is checked before step 1: one in a missing folder trains nothing", arguments: missingFolderCases)
  func outputsCheckedBeforeWork(_ check: MissingFolderCase) throws {
    let folder = try TemporaryFolder()
    let missing = folder.path("missing/out")
    var arguments = check.arguments + [check.option, missing]
    let witness = folder.path("witness.jsonl")
    if check.option != "--jsonl" && check.option != "--out" { arguments += ["--jsonl", witness] }
    let run = try CommandRun.damTUI(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.contains("\(check.option) \(missing): the folder"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: witness), "work started before the output was checked")
  }

  @Test("--save-weights on a full disk leaves no file, and an existing one untouched")
  func weightsOnFullDisk() throws {
    let folder = try TemporaryFolder()
    let weights = folder.path("w.safetensors")
    let arguments = ["train", "--steps", "5", "--quiet", "--save-weights", weights]
    // The default preset's weights are about 5 KB; the limit is 4 KB.
    let fresh = try SpawnedCommand.run(
      arguments, stdout: .path(folder.path("out")), stderrPath: folder.path("err"), fileSizeLimit: 8)
    #expect(fresh.ending == .exited(2), "\(fresh.stderr)")
    #expect(!FileManager.default.fileExists(atPath: weights), "a partial weights file was left")
    try folder.write("w.safetensors", "the old weights")
    let replacing = try SpawnedCommand.run(
      arguments + ["--force"], stdout: .path(folder.path("out")), stderrPath: folder.path("err"), fileSizeLimit: 8)
    #expect(replacing.ending == .exited(2), "\(replacing.stderr)")
    #expect(try String(contentsOfFile: weights, encoding: .utf8) == "the old weights")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
  }

  @Test("An output that is an input is refused with exit 2 and the input is unchanged")
  func inputsAreNeverOutputs() throws {
    let folder = try TemporaryFolder()
    let (preset, csv) = try Self.csvPreset(in: folder)
    let csvBefore = try String(contentsOfFile: csv, encoding: .utf8)
    let presetBefore = try String(contentsOfFile: preset, encoding: .utf8)
    let data = try CommandRun.damTUI(["data", "--preset", preset, "--out", csv])
    #expect(data.status == 2)
    #expect(data.stderr.contains("is the input"), "\(data.stderr)")
    let train = try CommandRun.damTUI(["train", "--preset", preset, "--steps", "3", "--save-weights", preset])
    #expect(train.status == 2)
    #expect(train.stderr.contains("is the input"), "\(train.stderr)")
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == csvBefore)
    #expect(try String(contentsOfFile: preset, encoding: .utf8) == presetBefore)
  }

  @Test("Two outputs to one file are refused with exit 2 before training")
  func outputsAreDistinct() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("x")
    let run = try CommandRun.damTUI(["train", "--steps", "20", "--jsonl", file, "--record", file])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--record \(file): is the same file as --jsonl"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: file))
  }

  @Test("An existing file is replaced only with --force, for every command")
  func existingFilesNeedForce() throws {
    let folder = try TemporaryFolder()
    let existing = try folder.write("existing", "keep me\n")
    for arguments in [
      ["data", "--out", existing], ["train", "--steps", "3", "--jsonl", existing],
      ["train", "--steps", "3", "--save-weights", existing], ["lr-find", "--steps", "20", "--jsonl", existing],
    ] {
      let run = try CommandRun.damTUI(arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.contains("exists: give --force"), "\(run.stderr)")
      #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
    }
    let forced = try CommandRun.damTUI(["train", "--steps", "3", "--jsonl", existing, "--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("{\"schema\":1"))
  }

  @Test("--jsonl on a full disk ends at its last complete line; the run stops with exit 2 and the stop line")
  func jsonlOnFullDisk() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("run.jsonl")
    let record = folder.path("run.record")
    let run = try SpawnedCommand.run(
      ["train", "--steps", "3000", "--set", "run.eval_every=1", "--quiet", "--jsonl", jsonl, "--record", record],
      stdout: .path(folder.path("out")), stderrPath: folder.path("err"), fileSizeLimit: 8)
    #expect(run.ending == .exited(2), "\(run.stderr)")
    #expect(run.stderr.contains("\(jsonl): write failed"), "\(run.stderr)")
    let text = try String(contentsOfFile: jsonl, encoding: .utf8)
    #expect(text.hasSuffix("\n"))
    let lines = try SweepSupport.jsonLines(jsonl)
    #expect(lines.count > 2 && lines.allSatisfy { $0["step"] != nil }, "a cut line")
    let recorded = try SweepSupport.lines(record)
    #expect(recorded.last?.contains("\"command\":\"stop\"") == true)
  }

  @Test(
    "Standard output that cannot be written (a full device, a closed pipe) fails every command",
    arguments: [
      ["presets"], ["check", "default"], ["lr-find", "--steps", "120"],
      ["sweep", "--vary", "training.learning_rate=0.01,0.1", "--trials", "2", "--budget", "20"],
      ["data", "--out", "-"], ["train", "--steps", "5", "--jsonl", "-"],
    ])
  func standardOutputFailures(_ arguments: [String]) throws {
    let folder = try TemporaryFolder()
    let piped = try SpawnedCommand.run(arguments, stdout: .closedPipe, stderrPath: folder.path("err"))
    #expect(piped.ending == .exited(2), "\(arguments) into a closed pipe: \(piped.stderr)")
    #expect(piped.stderr.contains("write failed"), "\(piped.stderr)")
    let full = folder.path("full")
    guard PrivateNode.characterDevice(at: full, minor: 7, purpose: "standard output on a full device") else { return }
    let filled = try SpawnedCommand.run(arguments, stdout: .path(full), stderrPath: folder.path("err"))
    #expect(filled.ending == .exited(2), "\(arguments) onto a full device: \(filled.stderr)")
    #expect(filled.stderr.contains("No space left on device"), "\(filled.stderr)")
  }

  @Test("`-` is standard output for --out, and refused for --save-weights and --save-best")
  func dashIsStandardOutput() throws {
    let folder = try TemporaryFolder()
    let data = try CommandRun.damTUI(["data", "--out", "-"], in: folder.url)
    #expect(data.status == 0, "\(data.stderr)")
    #expect(data.stdout.hasPrefix("x0,x1,y,split\n") && data.stdout.split(separator: "\n").count == 1001)
    let weights = try CommandRun.damTUI(["train", "--steps", "3", "--save-weights", "-"], in: folder.url)
    #expect(weights.status == 2)
    #expect(weights.stderr.contains("--save-weights -: standard output is not allowed"), "\(weights.stderr)")
    let best = try CommandRun.damTUI(
      ["sweep", "--vary", "training.learning_rate=0.01,0.1", "--trials", "2", "--budget", "20", "--save-best", "-"],
      in: folder.url)
    #expect(best.status == 2)
    #expect(!FileManager.default.fileExists(atPath: folder.path("-")), "a file named - was created")
  }

  @Test("Bad --out paths are named in plain words and create nothing")
  func badOutPaths() throws {
    let folder = try TemporaryFolder()
    for (argument, words) in [("", "the path is empty"), (folder.url.path, "is a folder"), ("new/", "names a folder")] {
      let run = try CommandRun.damTUI(["data", "--out", argument], in: folder.url)
      #expect(run.status == 2)
      #expect(run.stderr.contains(words), "\(argument): \(run.stderr)")
      #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }
}
