import Foundation
import Testing

/// The distribution recipes of docs/distributed-sweeps.md, run for real: xargs -P over the commands
/// `dam-tui sweep --print-commands` lists, and Optuna's ask-and-tell command line with SQLite storage
/// driving `dam-tui train` from two workers at once.
@Suite("Sweep recipes", .serialized)
struct SweepRecipeTests {
  @Test("xargs -P runs the sweep's trials as dam-tui train commands with the sweep's own numbers")
  func xargsRecipe() throws {
    let folder = try TemporaryFolder()
    let arguments = ["--preset", "default"] + SweepSupport.axes + ["--trials", "4", "--budget", "40", "--seed", "5"]
    let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
    let recipe = try SweepSupport.shell("scripts/sweep-xargs.sh '\(folder.path("out"))' 2 \(quoted)")
    #expect(recipe.status == 0, "\(recipe.stderr)")
    let jsonl = folder.path("sweep.jsonl")
    let sweep = try CommandRun.damTUI(["sweep"] + arguments + ["--jsonl", jsonl])
    #expect(sweep.status == 0, "\(sweep.stderr)")
    // Fewer than six trials make one rung: every trial trains the full budget, as in the recipe.
    var expected: [Int: String] = [:]
    for line in try SweepSupport.lines(jsonl) {
      expected[Int(SweepSupport.rawValue("trial", in: line) ?? "") ?? -1] = SweepSupport.rawValue("val_loss", in: line)
    }
    let rows = recipe.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
    #expect(rows.count == 4)
    for row in rows {
      #expect(String(row[0]) == expected[Int(row[1])!], "trial \(row[1])")
      #expect(row[2] == "completed")
    }
  }

  @Test("Two Optuna workers share a SQLite study; the best trial's value is what dam-tui train gives")
  func optunaRecipe() throws {
    let venv = try OptunaEnvironment.prepare()
    let folder = try TemporaryFolder()
    let storage = "sqlite:///" + folder.path("study.db")
    let space = """
      {"training.learning_rate": {"name": "FloatDistribution", "attributes": {"low": 0.0001, "high": 1.0, "log": true}}, \
      "model.init": {"name": "CategoricalDistribution", "attributes": {"choices": ["he-normal", "xavier-uniform"]}}}
      """
    let bin = venv + "/bin"
    let create = try SweepSupport.shell(
      "optuna create-study --storage '\(storage)' --study-name lr --direction minimize -q", extraPath: bin)
    #expect(create.status == 0, "\(create.stderr)")
    let worker = "scripts/sweep-optuna.sh '\(storage)' lr 1 40 '\(space)' --preset default --seed 2"
    let workers = try SweepSupport.shell("\(worker) & \(worker) && wait $!", extraPath: bin)
    #expect(workers.status == 0, "\(workers.stderr)")
    let trials = try SweepSupport.shell(
      "optuna trials --storage '\(storage)' --study-name lr -f json 2>/dev/null", extraPath: bin)
    let list = try JSONSerialization.jsonObject(with: Data(trials.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(list.count == 2)
    #expect(list.allSatisfy { $0["state"] as? String == "COMPLETE" })
    // The best trial's value and its parameters as --set arguments, printed by Python as the worker did.
    let best = try SweepSupport.shell(
      "optuna best-trial --storage '\(storage)' --study-name lr -f json 2>/dev/null | python3 -c '"
        + "import json, sys; t = json.load(sys.stdin); print(repr(t[\"value\"])); "
        + "print(\" \".join(\"--set %s=%s\" % (k, v) for k, v in sorted(t[\"params\"].items())))'",
      extraPath: bin)
    let answer = best.stdout.split(separator: "\n")
    #expect(answer.count == 2, "\(best.stderr)")
    let command = "dam-tui train --preset default \(answer.last ?? "") --steps 40 --seed 2"
    #expect(try SweepSupport.finalValidationLoss(of: command) == answer.first.map(String.init), "\(command)")
  }
}

/// A virtualenv with optuna from PyPI, created once under the cache folder and reused.
enum OptunaEnvironment {
  /// The virtualenv's folder: `$DAM_TEST_CACHE/optuna-venv`, or `~/.cache/dam-tui/optuna-venv`.
  static var folder: String {
    let environment = ProcessInfo.processInfo.environment
    let cache = environment["DAM_TEST_CACHE"] ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/dam-tui"
    return cache + "/optuna-venv"
  }

  /// The virtualenv, created and optuna installed if needed.
  /// - Throws: `SetupFailure` with what to install when `python3 -m venv` or pip fails: the test fails.
  static func prepare() throws -> String {
    let venv = folder
    if FileManager.default.isExecutableFile(atPath: venv + "/bin/optuna") { return venv }
    let parent = (venv as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    let create = try SweepSupport.shell("python3 -m venv '\(venv)'")
    guard create.status == 0 else {
      throw SetupFailure(
        "python3 -m venv failed (install python3 and python3-venv to run the Optuna recipe test): \(create.stderr)")
    }
    let install = try SweepSupport.shell("'\(venv)/bin/pip' install -q optuna")
    guard install.status == 0, FileManager.default.isExecutableFile(atPath: venv + "/bin/optuna") else {
      throw SetupFailure("pip install optuna failed (the test needs PyPI access): \(install.stderr)")
    }
    return venv
  }

  /// Why the environment could not be made.
  struct SetupFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
