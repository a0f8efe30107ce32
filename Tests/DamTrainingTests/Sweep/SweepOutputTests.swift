import Foundation
import Testing

@testable import DamTraining

@Suite("Sweep output: JSON lines, leaderboard, commands and the best preset")
struct SweepOutputTests {
  private func result(_ trial: Int, steps: Int, loss: Double?, status: TrialStatus, plan: SweepPlan) -> TrialResult {
    var result = TrialResult(trial: trial, settings: plan.trialSettings[trial])
    result.steps = steps
    result.validationLoss = loss
    result.validationAccuracy = loss.map { 1 - $0 }
    result.status = status
    return result
  }

  @Test("A JSON line holds trial, params, steps, val_loss, val_acc, status and the command")
  func jsonLine() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 2, budget: 9)
    let line = SweepRecordEncoder.line(result(1, steps: 9, loss: 0.25, status: .completed, plan: plan), plan: plan)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["trial"] as? Int == 1)
    #expect(object["steps"] as? Int == 9)
    #expect(object["val_loss"] as? Double == 0.25)
    #expect(object["val_acc"] as? Double == 0.75)
    #expect(object["status"] as? String == "completed")
    let params = try #require(object["params"] as? [String: Any])
    let settings = plan.trialSettings[1]
    #expect(params["training.learning_rate"] as? Double == Double(settings[0].text))
    #expect(params["model.init"] as? String == settings[1].text)
    #expect(object["command"] as? String == plan.command(for: settings, steps: 9))
    let diverged = SweepRecordEncoder.line(result(0, steps: 4, loss: .nan, status: .diverged, plan: plan), plan: plan)
    #expect(diverged.contains("\"val_loss\":null,\"val_acc\":null,\"status\":\"diverged\""))
  }

  @Test("The command reproduces the trial: base overrides, settings, steps and seed, quoted for a shell")
  func command() throws {
    var plan = try SweepTestSupport.tinyPlan(trials: 1, budget: 9, seed: 11)
    plan.baseOverrides = ["model.hidden=[8, 8]"]
    let settings = plan.trialSettings[0]
    #expect(
      plan.command(for: settings, steps: 9)
        == "dam-tui train --preset tiny.toml --set 'model.hidden=[8, 8]' --set \(settings[0].argument) "
        + "--set \(settings[1].argument) --steps 9 --seed 11")
    #expect(ShellQuoting.quote("it's") == "'it'\\''s'")
  }

  @Test("The leaderboard ranks by steps, then validation loss, unknown losses last")
  func table() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 4, budget: 9)
    var board = SweepBoard(plan: plan)
    board.settle([
      result(0, steps: 3, loss: 0.1, status: .pruned, plan: plan),
      result(1, steps: 9, loss: 0.4, status: .completed, plan: plan),
      result(2, steps: 9, loss: 0.3, status: .completed, plan: plan),
      result(3, steps: 3, loss: nil, status: .diverged, plan: plan),
    ])
    #expect(board.ranked.map(\.trial) == [2, 1, 0, 3])
    #expect(board.best?.trial == 2)
    let lines = board.table()
    #expect(lines[0].hasPrefix("rank  trial  steps  val_loss  val_acc  status     training.learning_rate  model.init"))
    #expect(lines[1].hasPrefix("   1      2      9       0.3      0.7  completed"))
    #expect(lines[4].hasPrefix("   4      3      3         -        -  diverged"))
  }

  @Test("The best preset trains the winning run: its settings, the seed and the budget as run.steps")
  func bestPreset() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 3, budget: 9, seed: 5)
    let best = result(2, steps: 9, loss: 0.2, status: .completed, plan: plan)
    let preset = try plan.bestPreset(for: best, name: "best")
    let reloaded = try Preset.parse(Array(preset.tomlText.utf8), name: "best", source: .builtIn, file: "best.toml")
    #expect(reloaded.run.steps == 9 && reloaded.run.seed == 5)
    #expect(reloaded.training == (try plan.preset(for: best.settings)).training)
    #expect(reloaded.model == (try plan.preset(for: best.settings)).model)
    #expect(reloaded.title.contains("trial 2"))
  }

  @Test("The progress line counts the current rung's trials and says how many go on")
  func progressLine() throws {
    let plan = try SweepTestSupport.tinyPlan(trials: 6, budget: 9)
    var board = SweepBoard(plan: plan)
    #expect(board.progressLine == "starting 6 trials")
    board.apply(.rungStarted(index: 0, rung: plan.schedule.rungs[0]))
    var running = TrialResult(trial: 0, settings: plan.trialSettings[0])
    running.status = .running
    board.apply(.trialUpdated(running))
    board.apply(.trialUpdated(result(1, steps: 3, loss: 0.5, status: .waiting, plan: plan)))
    #expect(board.progressLine == "rung 1/2: 3 steps, 1/6 trials done, 1 running, best 2 go on")
  }
}
