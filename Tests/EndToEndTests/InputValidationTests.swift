import Foundation
import Testing

/// Issue 16, inputs: every number and value checked before work starts (exit 2, a message naming the
/// option, file, line or key and what is allowed), text from files escaped, nothing crashes or hangs.
@Suite("Inputs checked before work starts")
struct InputValidationTests {
  /// A numeric option of a command, and the values at its type's limits that it must refuse.
  struct NumericCase: Sendable, CustomTestStringConvertible {
    var command: [String]
    var option: String
    var range: String
    var testDescription: String { "\(command.first ?? "") \(option)" }
  }

  static let numericOptions: [NumericCase] = [
    NumericCase(command: ["train"], option: "--steps", range: "0...1000000000"),
    NumericCase(command: ["train"], option: "--epochs", range: "1..."),
    NumericCase(command: ["train"], option: "--seed", range: "0...9223372036854775807"),
    NumericCase(command: ["lr-find"], option: "--steps", range: "5...100000"),
    NumericCase(command: ["lr-find"], option: "--start", range: "(0, "),
    NumericCase(command: ["lr-find"], option: "--end", range: "(0, 10]"),
    NumericCase(command: ["lr-find"], option: "--seed", range: "0...9223372036854775807"),
    NumericCase(command: ["sweep", "--vary", "training.l2=0,0.1"], option: "--trials", range: "1...10000"),
    NumericCase(command: ["sweep", "--vary", "training.l2=0,0.1"], option: "--budget", range: "1...1000000000"),
    NumericCase(command: ["sweep", "--vary", "training.l2=0,0.1"], option: "--jobs", range: "1...1024"),
    NumericCase(command: ["sweep", "--vary", "training.l2=0,0.1"], option: "--seed", range: "0...9223372036854775807"),
    NumericCase(command: ["run"], option: "--seed", range: "0...9223372036854775807"),
    NumericCase(command: ["run"], option: "--speed", range: "1 to 10000000"),
  ]

  /// Values at and past the limits of Int, UInt64 and Double; none is valid for any option above.
  static let limitValues = [
    "9223372036854775808", "18446744073709551615", "18446744073709551616", "-1", "-9223372036854775808",
    "1e999", "nan",
  ]

  @Test("Every numeric option refuses values at its type's limits with exit 2 and its range", arguments: numericOptions)
  func numericOptionsAtTypeLimits(_ option: NumericCase) throws {
    for value in Self.limitValues + (option.option == "--seed" ? [] : ["9223372036854775807"]) {
      let run = try CommandRun.damTUI(option.command + [option.option, value])
      #expect(run.status == 2, "\(option.command) \(option.option) \(value): exit \(run.status) \(run.stderr)")
      #expect(run.stderr.hasPrefix(option.option), "\(option.option) \(value): \(run.stderr)")
      #expect(run.stderr.contains(value), "\(option.option) \(value): \(run.stderr)")
      #expect(run.stderr.contains(option.range), "\(option.option) \(value): \(run.stderr)")
      #expect(!run.stderr.contains("--set"), "\(option.option) \(value): \(run.stderr)")
      #expect(!run.stderr.contains("Missing value"), "\(option.option) \(value): \(run.stderr)")
    }
  }

  @Test("`train --epochs` past the most steps a run may take is an error with its range, not an overflow")
  func epochsOverflow() throws {
    let run = try CommandRun.damTUI(["train", "--epochs", "576460752303423488"])
    #expect(run.status == 2, "\(run.stderr)")
    // default: 500 training samples in batches of 32 = 16 steps an epoch.
    #expect(run.stderr.contains("--epochs 576460752303423488 is out of range: expected an integer in 1...62500000"))
  }

  @Test("`--change` past the end of the run is rejected before training, naming --change and the range")
  func changePastTheEnd() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("run.jsonl")
    let run = try CommandRun.damTUI([
      "train", "--steps", "20", "--change", "50:training.l2=0.01", "--jsonl", jsonl,
    ])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("--change 50:training.l2=0.01: step 50 is after the run's last step"), "\(run.stderr)")
    #expect(run.stderr.contains("0...20"))
    #expect(!FileManager.default.fileExists(atPath: jsonl), "training started")
  }

  @Test("`--change` of a setting that waits for a re-initialization is rejected before training")
  func changeWaitingForReinitialization() throws {
    let folder = try TemporaryFolder()
    let jsonl = folder.path("run.jsonl")
    let run = try CommandRun.damTUI(["train", "--steps", "20", "--change", "5:model.hidden=[4]", "--jsonl", jsonl])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("--change 5:model.hidden=[4]: model.hidden waits for a re-initialization"))
    #expect(!FileManager.default.fileExists(atPath: jsonl), "training started")
  }

  @Test("A `--change` value out of range is labelled --change, before training")
  func changeValueIsLabelledChange() throws {
    let run = try CommandRun.damTUI(["train", "--steps", "20", "--change", "5:training.learning_rate=99"])
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("--change 5:training.learning_rate=99: training.learning_rate = 99 is out of range"))
    #expect(!run.stderr.contains("--set"), "\(run.stderr)")
  }

  @Test("`--seed` errors name --seed and its range")
  func seedMessages() throws {
    for value in ["18446744073709551615", "-1"] {
      let run = try CommandRun.damTUI(["train", "--steps", "1", "--seed", value])
      #expect(run.status == 2)
      #expect(
        run.stderr.hasPrefix("--seed \(value) is out of range: expected an integer in 0...9223372036854775807"),
        "\(run.stderr)")
    }
  }

  @Test("`check` runs what `train` checks before step 1: a missing CSV, train_samples beyond the split")
  func checkRunsTrainValidation() throws {
    let folder = try TemporaryFolder()
    let missing = try folder.write(
      "missing.toml", "[data]\ndataset = \"csv\"\npath = \"absent.csv\"\ntarget = \"y\"\n")
    let tooMany = try folder.write("many.toml", "[data]\nsamples = 100\ntrain_samples = 80\n")
    for (file, words) in [(missing, ["absent.csv", "no such file"]), (tooMany, ["train_samples", "1...50"])] {
      let check = try CommandRun.damTUI(["check", file])
      let train = try CommandRun.damTUI(["train", "--preset", file, "--steps", "1"])
      #expect(train.status == 2)
      #expect(check.status == 2, "check accepted \(file): \(check.stdout)")
      for word in words { #expect(check.stderr.contains(word), "\(word) not in \(check.stderr)") }
    }
  }

  @Test("Batch norm with train_samples = 1 is refused: a batch needs at least 2 samples")
  func batchNormWithOneSample() throws {
    for command in [["check", "default"], ["train", "--preset", "default", "--steps", "1"]] {
      let run = try CommandRun.damTUI(
        command + ["--set", "model.batch_norm=true", "--set", "data.train_samples=1"])
      #expect(run.status == 2, "\(command): \(run.stdout)")
      #expect(run.stderr.contains("batch_norm"), "\(run.stderr)")
      #expect(run.stderr.contains("at least 2"), "\(run.stderr)")
    }
  }

  @Test("A FIFO given as a preset, a CSV file or a recording is refused at once, never waited on")
  func fifoInputs() throws {
    let folder = try TemporaryFolder()
    let fifo = folder.path("pipe.toml")
    #expect(mkfifo(fifo, 0o600) == 0)
    let csvPreset = try folder.write(
      "csv.toml", "[data]\ndataset = \"csv\"\npath = \"pipe.toml\"\ntarget = \"y\"\n")
    let cases: [[String]] = [
      ["check", fifo], ["train", "--preset", fifo, "--steps", "1"], ["check", csvPreset],
      ["train", "--preset", csvPreset, "--steps", "1"], ["replay", fifo],
    ]
    for arguments in cases {
      let run = try TimedRun(arguments, timeout: 10)
      #expect(!run.timedOut, "\(arguments) waited on the FIFO")
      #expect(run.status == 2, "\(arguments): \(run.status)")
      #expect(run.stderr.contains("FIFO"), "\(arguments): \(run.stderr)")
    }
  }

  /// The recording of a short run with one change, by `train --record`.
  private func record(in folder: TemporaryFolder) throws -> (recording: String, jsonl: String) {
    let recording = folder.path("run.rec")
    let run = try CommandRun.damTUI([
      "train", "--steps", "30", "--set", "run.eval_every=10", "--change", "10:training.l2=0.01", "--record", recording,
      "--jsonl", "-",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return (try String(contentsOfFile: recording, encoding: .utf8), run.stdout)
  }

  @Test("`replay` reads a recording with CRLF line ends, with the same losses")
  func replayCRLF() throws {
    let folder = try TemporaryFolder()
    let (recording, jsonl) = try record(in: folder)
    let crlf = try folder.write("crlf.rec", recording.replacingOccurrences(of: "\n", with: "\r\n"))
    let run = try CommandRun.damTUI(["replay", crlf])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Self.losses(run.stdout) == Self.losses(jsonl))
  }

  @Test("A bad value inside a recording is found before any output, with its line")
  func replayBadValue() throws {
    let folder = try TemporaryFolder()
    let (recording, _) = try record(in: folder)
    var lines = recording.split(separator: "\n").map(String.init)
    lines.insert(#"{"step":20,"command":"set","value":"training.learning_rate=99"}"#, at: 2)
    let bad = try folder.write("bad.rec", lines.joined(separator: "\n") + "\n")
    let run = try CommandRun.damTUI(["replay", bad])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty, "output written before the error: \(run.stdout)")
    #expect(run.stderr.hasPrefix("\(bad):3: training.learning_rate = 99 is out of range"), "\(run.stderr)")
  }

  @Test("A bad value in a recording's preset names the preset's own line, not a line of the recording")
  func replayBadPreset() throws {
    let folder = try TemporaryFolder()
    let (recording, _) = try record(in: folder)
    let text = recording.replacingOccurrences(of: #"learning_rate = 0.01"#, with: #"learning_rate = 99"#)
    #expect(text != recording)
    let bad = try folder.write("preset.rec", text)
    let run = try CommandRun.damTUI(["replay", bad])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("the preset in the header of \(bad):"), "\(run.stderr)")
    #expect(run.stderr.contains("training.learning_rate = 99 is out of range"), "\(run.stderr)")
  }

  @Test("A recording with a bad seed says which key is wrong, not 'not a JSON object'")
  func replayBadSeed() throws {
    let folder = try TemporaryFolder()
    let (recording, _) = try record(in: folder)
    for seed in ["-1", "1.5", "18446744073709551615"] {
      let text = recording.replacingOccurrences(of: #""seed":1,"#, with: #""seed":\#(seed),"#)
      let bad = try folder.write("seed.rec", text)
      let run = try CommandRun.damTUI(["replay", bad])
      #expect(run.status == 2)
      #expect(run.stderr.hasPrefix("\(bad):1: \"seed\""), "\(seed): \(run.stderr)")
      #expect(run.stderr.contains("0...9223372036854775807"), "\(seed): \(run.stderr)")
    }
  }

  @Test("`features` naming a column twice says so")
  func repeatedFeature() throws {
    let folder = try TemporaryFolder()
    try folder.write("data.csv", "a,b,y\n1,2,0\n2,3,1\n3,4,0\n4,5,1\n")
    let preset = try folder.write(
      "p.toml", "[data]\ndataset = \"csv\"\npath = \"data.csv\"\ntarget = \"y\"\nfeatures = [\"a\", \"a\"]\n")
    let run = try CommandRun.damTUI(["check", preset])
    #expect(run.status == 2)
    #expect(run.stderr.contains("names \"a\" twice"), "\(run.stderr)")
    #expect(!run.stderr.contains("no feature column"), "\(run.stderr)")
  }

  @Test("A non-finite number in a numeric CSV target is an error with line and column")
  func nonFiniteTarget() throws {
    let folder = try TemporaryFolder()
    try folder.write("data.csv", "a,b,y\n1,2,0.5\n2,3,nan\n3,4,1.5\n4,5,2.5\n")
    let preset = try folder.write("p.toml", "[data]\ndataset = \"csv\"\npath = \"data.csv\"\ntarget = \"y\"\n")
    let run = try CommandRun.damTUI(["check", preset])
    #expect(run.status == 2, "\(run.stdout)")
    #expect(
      run.stderr.contains("data.csv:3:5: column 3 (\"y\"): expected a finite number, found \"nan\""), "\(run.stderr)")
  }

  @Test("Titles, keys and column names from files are printed with their control characters escaped")
  func controlCharactersEscaped() throws {
    let folder = try TemporaryFolder()
    let evil = #"evil\u001b[2J\u001b]0;PWNED\u0007"#
    try FileManager.default.createDirectory(atPath: folder.path("presets"), withIntermediateDirectories: false)
    try folder.write("presets/evil.toml", "title = \"\(evil)\"\n")
    try folder.write("bad.toml", "\"k\\u001b[2J\" = 1\n")
    try folder.write("data.csv", "a\u{1B}]0;PWNED\u{07},y\n1,0\n2,1\n")
    try folder.write("csv.toml", "[data]\ndataset = \"csv\"\npath = \"data.csv\"\ntarget = \"z\"\n")
    let environment = ["XDG_CONFIG_HOME": folder.path("config")]
    let runs = [
      try CommandRun.damTUI(["check", "presets/evil.toml"], in: folder.url, environment: environment),
      try CommandRun.damTUI(["presets"], in: folder.url, environment: environment),
      try CommandRun.damTUI(["check", "bad.toml"], in: folder.url, environment: environment),
      try CommandRun.damTUI(["check", "default", "--set", "\u{1B}[2J=1"], in: folder.url, environment: environment),
      try CommandRun.damTUI(["check", "csv.toml"], in: folder.url, environment: environment),
    ]
    for run in runs {
      let output = run.stdout + run.stderr
      #expect(!output.contains("\u{1B}"), "ESC printed raw: \(output.debugDescription)")
      #expect(!output.contains("\u{07}"), "BEL printed raw: \(output.debugDescription)")
    }
    #expect(runs[0].stdout.contains(#"evil\u001B[2J\u001B]0;PWNED\u0007"#), "\(runs[0].stdout)")
    #expect(runs[1].stdout.contains(#"evil\u001B[2J"#), "\(runs[1].stdout)")
    #expect(runs[2].stderr.contains(#"k\u001B[2J"#), "\(runs[2].stderr)")
    #expect(runs[4].stderr.contains(#"a\u001B]0;PWNED\u0007"#), "\(runs[4].stderr)")
  }

  /// The (step, val_loss) pairs of JSON lines.
  static func losses(_ jsonl: String) -> [String] {
    CommandRun(status: 0, stdout: jsonl, stderr: "").jsonLines.map { "\($0["step"] ?? "") \($0["val_loss"] ?? "")" }
  }
}

/// A run of the release binary that is killed when it outlives `timeout` seconds.
private struct TimedRun {
  var status: Int32
  var stderr: String
  var timedOut: Bool

  init(_ arguments: [String], timeout: Double) throws {
    let folder = try TemporaryFolder()
    let errPath = folder.path("stderr")
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try ReleaseBinary.path)
    process.arguments = RunLogArguments.quiet(arguments)
    process.currentDirectoryURL = ReleaseBinary.packageRoot
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    timedOut = process.isRunning
    // SIGKILL: a child of `swift test` may inherit a mask that blocks SIGTERM.
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    status = process.terminationStatus
    stderr = try String(contentsOfFile: errPath, encoding: .utf8)
  }
}
