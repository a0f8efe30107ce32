import DamTestTools
import Foundation
import Testing

@testable import DamTraining

@Suite("Run catalog: every run listed newest first, a damaged one with what is wrong")
struct RunCatalogTests {
  typealias Fixture = RunDirectoryFixture

  /// Three runs: complete (oldest), cut short while training (newest), and one with a garbage summary.
  static func writeMix(in root: String) throws {
    try Fixture.write(
      "2026-12-07_10-00-00_default", in: root, preset: "",
      metrics: [
        Fixture.metricsLine(step: 0, trainLoss: 0.7, valLoss: 0.7, valAccuracy: 0.5),
        Fixture.metricsLine(step: 50, trainLoss: 0.2, valLoss: 0.25, valAccuracy: 0.9, final: "completed"),
      ],
      summary: Fixture.summary(
        name: "2026-12-07_10-00-00_default", preset: "default", started: "2026-12-07T10:00:00Z", steps: 50,
        bestLoss: 0.25, bestStep: 50, valAccuracy: 0.9, findings: [("overfitting", 1200)],
        changes: [(1200, "training.l2", "0", "0.001")]))
    try Fixture.write(
      "2026-12-07_12-00-00_overfitting", in: root, preset: "",
      metrics: [
        Fixture.metricsLine(step: 0, trainLoss: 0.7, valLoss: 0.69, valAccuracy: 0.5),
        Fixture.metricsLine(step: 50, trainLoss: 0.3, valLoss: 0.35, valAccuracy: 0.8, findings: ["underfitting"]),
        Fixture.metricsLine(step: 100, trainLoss: 0.2, valLoss: 0.4, valAccuracy: 0.85, findings: ["overfitting"]),
        "{\"schema\":1,\"step\":150,\"train_lo",
      ], cutShort: true)
    try Fixture.write(
      "2026-12-07_11-00-00_digits", in: root, preset: "",
      metrics: [Fixture.metricsLine(step: 0, trainLoss: 2.3, valLoss: 2.3, valAccuracy: 0.1)], summary: "{garbage")
  }

  @Test("A mix of complete, partial and garbage runs lists every one, newest first")
  func listsMixNewestFirst() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try Self.writeMix(in: root)
      let entries = try RunCatalog(root: root).entries()
      #expect(
        entries.map(\.name) == [
          "2026-12-07_12-00-00_overfitting", "2026-12-07_11-00-00_digits", "2026-12-07_10-00-00_default",
        ])
      let partial = entries[0]
      #expect(partial.status == "partial")
      #expect(partial.preset == "overfitting")
      #expect(partial.steps == 100)
      #expect(partial.bestValidationLoss == 0.35 && partial.bestValidationStep == 50)
      #expect(partial.validationAccuracy == 0.85)
      #expect(
        partial.findings == [RunFinding(name: "underfitting", step: 50), RunFinding(name: "overfitting", step: 100)])
      #expect(
        partial.problems == ["partial (no summary.json)", "metrics.jsonl line 4: cut short (no newline), left out"])
      let garbage = entries[1]
      #expect(garbage.status == "partial")
      #expect(garbage.problems == ["summary.json: not a JSON object"])
      let complete = entries[2]
      #expect(complete.status == "finished" && complete.steps == 50 && complete.problems.isEmpty)
      #expect(complete.changes == [RunChange(step: 1200, key: "training.l2", from: "0", to: "0.001")])
    }
  }

  @Test("A folder with nothing readable, a stray file and wrongly typed fields never stop the listing")
  func damagedFoldersAreListed() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try Fixture.write("empty", in: root)
      try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
      try Fixture.write(
        "2026-12-07_09-00-00_default", in: root, preset: "", metrics: [],
        summary: "{\"schema\":1,\"status\":\"finished\",\"steps\":\"many\",\"findings\":[3]}")
      let entries = try RunCatalog(root: root).entries()
      #expect(entries.map(\.name) == ["2026-12-07_09-00-00_default", "empty"])
      #expect(entries[0].status == "finished" && entries[0].steps == nil)
      #expect(
        entries[0].problems == [
          "summary.json: steps (expected an integer)", "summary.json: findings (expected objects)",
        ])
      #expect(entries[1].status == "damaged")
      #expect(entries[1].problems == ["summary.json: missing", "metrics.jsonl: missing", "no preset.toml"])
    }
  }

  @Test("A missing log folder and an unknown run name are errors naming the path")
  func missingFolderAndName() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      #expect(
        throws: RunCatalogError("no log folder at \(root)/none (runs are written there; --log-dir DIR reads another)")
      ) {
        try RunCatalog(root: root + "/none").entries()
      }
      #expect(throws: RunCatalogError("no run named nope in \(root) (`dam-tui runs` lists them)")) {
        try RunCatalog(root: root).entry(named: "nope")
      }
      #expect(throws: RunCatalogError.self) { try RunCatalog(root: root).entry(named: "..") }
    }
  }

  @Test("The listing aligns its columns and ends each damaged run with what is wrong")
  func listingColumns() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try Self.writeMix(in: root)
      let lines = RunListing.lines(try RunCatalog(root: root).entries())
      #expect(lines.count == 4)
      #expect(lines[0].hasPrefix("run  "))
      let statusColumn = try #require(lines[0].range(of: "status")).lowerBound.utf16Offset(in: lines[0])
      for line in lines.dropFirst() {
        let status = line.dropFirst(statusColumn).prefix(8)
        #expect(status == "partial " || status == "finished", "\(line)")
      }
      #expect(lines[1].contains("0.35 @ 50") && lines[1].contains("85.0%"))
      #expect(lines[1].contains("underfitting@50 overfitting@100"))
      #expect(lines[1].hasSuffix("! partial (no summary.json); metrics.jsonl line 4: cut short (no newline), left out"))
      #expect(lines[3].contains("overfitting@1,200") && !lines[3].contains("!"))
    }
  }

  @Test("JSON lines carry every field, and parse back")
  func jsonLines() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try Self.writeMix(in: root)
      let entries = try RunCatalog(root: root).entries()
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(RunListing.jsonLine(entries[2]).utf8)) as? [String: Any])
      #expect(object["name"] as? String == "2026-12-07_10-00-00_default")
      #expect(object["status"] as? String == "finished")
      #expect(object["steps"] as? Int == 50)
      #expect(object["best_val_loss"] as? Double == 0.25)
      let changes = try #require(object["changes"] as? [[String: Any]])
      #expect(changes.first?["key"] as? String == "training.l2" && changes.first?["to"] as? String == "0.001")
    }
  }

  @Test("`runs show` gives the summary, the findings and the changes with their steps")
  func details() throws {
    try PresetTestSupport.withTemporaryDirectory { root in
      try Self.writeMix(in: root)
      let lines = RunDetails.lines(try RunCatalog(root: root).entry(named: "2026-12-07_10-00-00_default"))
      #expect(lines.contains("status        finished"))
      #expect(lines.contains("best val loss 0.25 at step 50"))
      #expect(lines.contains("final         train loss 0.1, val loss 0.25, train acc 90.0%, val acc 90.0%"))
      #expect(lines.contains("  step 1,200    overfitting: overfitting seen"))
      #expect(lines.contains("  step 1,200    training.l2 0 -> 0.001"))
    }
  }

  @Test("The start time and the preset are read from a run's name")
  func namesParse() {
    #expect(RunCatalog.startTime(inName: "2026-12-07_17-09-37_default") == "2026-12-07T17:09:37Z")
    #expect(RunCatalog.startTime(inName: "2026-12-07-17-09-37_default") == nil)
    #expect(RunCatalog.presetName(inName: "2026-12-07_17-09-37_l2-cures-overfitting.2") == "l2-cures-overfitting")
    #expect(RunCatalog.presetName(inName: "2026-12-07_17-09-37_default-B") == "default")
  }
}
