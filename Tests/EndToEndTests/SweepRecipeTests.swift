import DamTestTools
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

  @Test(
    "Two Optuna workers share a SQLite study; the best trial's value is what dam-tui train gives",
    .enabled(if: TestTools.runs(needing: "optuna"), Comment(rawValue: "optuna missing: \(TestTools.remedy)")))
  func optunaRecipe() throws {
    let bin = try TestTools.bin(providing: "optuna")
    let folder = try TemporaryFolder()
    let storage = "sqlite:///" + folder.path("study.db")
    let space = """
      {"training.learning_rate": {"name": "FloatDistribution", "attributes": {"low": 0.0001, "high": 1.0, "log": true}}, \
      "model.init": {"name": "CategoricalDistribution", "attributes": {"choices": ["he-normal", "xavier-uniform"]}}}
      """
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
