import Foundation
import Testing

@testable import DamTraining

@Suite("Session journal: each change with the validation loss before and after, findings, the best point")
struct SessionJournalTests {
  /// An evaluation every 100 steps to 2,000, the loss falling by 0.01 each.
  static let validation = stride(from: 0, through: 2000, by: 100).map {
    SessionJournal.Measurement(step: $0, loss: 1 - Double($0) / 10_000)
  }

  static func change(_ step: Int, _ key: String, _ from: String, _ to: String) -> RunSummary.AppliedChange {
    RunSummary.AppliedChange(step: step, key: key, from: from, to: to)
  }

  static func journal(_ changes: [RunSummary.AppliedChange]) -> SessionJournal {
    SessionJournal(
      preset: "default", steps: 2000, changes: changes, validation: validation,
      findings: [RunFinding(name: "overfitting", step: 700)],
      best: SessionJournal.BestPoint(step: 2000, loss: 0.8, accuracy: 0.925))
  }

  @Test("Before is the last evaluation below the change's step; after is the first 500 or more steps later")
  func beforeAndAfter() {
    let journal = Self.journal([Self.change(300, "training.lr", "0.1", "0.01")])
    #expect(journal.before(change: 0) == SessionJournal.Measurement(step: 200, loss: 0.98))
    let after = journal.after(change: 0)
    #expect(after?.measurement == SessionJournal.Measurement(step: 800, loss: 0.92))
    #expect(after?.reason == .stepsLater)
  }

  @Test("A change followed within 500 steps by another is read before the next; one near the end at the end")
  func nextChangeAndEnd() {
    let journal = Self.journal([
      Self.change(250, "training.l2", "0", "0.001"), Self.change(450, "command", "", "reinitialize"),
      Self.change(1800, "training.lr", "0.1", "0.3"),
    ])
    #expect(journal.after(change: 0)?.measurement.step == 400)
    #expect(journal.after(change: 0)?.reason == .nextChange)
    #expect(journal.after(change: 1)?.measurement.step == 1000)
    #expect(journal.after(change: 2)?.measurement.step == 2000)
    #expect(journal.after(change: 2)?.reason == .runEnded)
    #expect(journal.before(change: 0)?.step == 200)
  }

  @Test("A change at step 0 has no before")
  func changeAtStart() {
    #expect(Self.journal([Self.change(0, "training.lr", "0.1", "0.01")]).before(change: 0) == nil)
  }

  @Test("The markdown lists the changes as a table, the findings with steps and the best point")
  func markdown() {
    let text = Self.journal([
      Self.change(300, "training.lr", "0.1", "0.01"), Self.change(1900, "command", "", "a | b"),
    ]).markdown
    #expect(text.hasPrefix("# Session journal: default\n\n2,000 steps of preset `default`.\n"))
    #expect(text.contains("| 300 | training.lr 0.1 -> 0.01 | 0.98 (step 200) | 0.92 (step 800) |\n"))
    #expect(text.contains("| 1,900 | a \\| b | 0.82 (step 1,800) | 0.8 (step 2,000, end) |\n"))
    #expect(text.contains("## Findings\n\n- step 700: overfitting\n"))
    #expect(text.hasSuffix("## Best point\n\nValidation loss 0.8 at step 2,000 (validation accuracy 92.5%).\n"))
  }

  @Test("A session without changes or findings says so")
  func emptySession() {
    let text = SessionJournal(preset: "p", steps: 0, changes: [], validation: [], findings: [], best: nil).markdown
    #expect(text.contains("## Changes\n\nNo changes.\n"))
    #expect(text.contains("## Findings\n\nNone fired.\n"))
    #expect(text.contains("No finite validation loss."))
  }

  @Test("journal.md is written into the run directory and never replaces one")
  func writesFile() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      let journal = Self.journal([])
      try journal.write(inRunDirectory: folder)
      #expect(try String(contentsOfFile: folder + "/journal.md", encoding: .utf8) == journal.markdown)
      #expect(throws: OutputError.self) { try journal.write(inRunDirectory: folder) }
    }
  }
}
