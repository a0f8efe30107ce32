import Foundation
import Testing

@testable import DamTraining

@Suite("summary.json: every key present, null for no value, read back as written")
struct RunSummaryTests {
  private func sample() -> RunSummary {
    RunSummary(
      name: "2026-12-07_17-09-37_default", preset: "default", command: .train, started: "2026-12-07T17:09:37Z",
      ended: nil, status: .diverged, steps: 120, best_val_loss: 0.5, best_val_step: 100,
      final: .init(train_loss: .nan, val_loss: 0.7, train_acc: nil, val_acc: 0.8),
      findings: [.init(name: "overfitting", step: 80, text: "Validation loss rises.")],
      changes: [.init(step: 50, key: "training.l2", from: "0", to: "0.001")],
      goal: .init(text: "val_acc >= 0.95", met: false, value: 0.8), branch: "A", sibling: "x-B")
  }

  @Test("Every key of the contract is written; missing and non-finite values are null")
  func writesEveryKey() throws {
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(sample().jsonBytes())) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "schema", "name", "preset", "command", "started", "ended", "status", "steps", "best_val_loss",
        "best_val_step", "final", "findings", "changes", "goal", "branch", "sibling", "fork_step",
      ])
    #expect(object["ended"] is NSNull)
    #expect(object["command"] as? String == "train")
    let final = try #require(object["final"] as? [String: Any])
    #expect(final["train_loss"] is NSNull && final["train_acc"] is NSNull)
    #expect(final["val_acc"] as? Double == 0.8)
  }

  @Test("A written summary reads back equal (NaN read back as nil)")
  func roundTrips() throws {
    var expected = sample()
    expected.final.train_loss = nil
    #expect(try RunSummary.decode(sample().jsonBytes()) == expected)
    var trial = expected
    trial.command = .sweepTrial
    #expect(String(decoding: trial.jsonBytes(), as: UTF8.self).contains("\"sweep-trial\""))
  }
}
