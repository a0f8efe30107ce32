import DamTestTools
import Foundation
import Testing

/// The reading side of the run log with the release binary: `dam-tui runs`, `runs show`, and a previous
/// run loaded as a ghost in a real terminal, with the journal printed after the screen.
@Suite("Runs: listing, details, ghost", .serialized)
struct RunsCommandTests {
  typealias Fixture = RunDirectoryFixture
  static let complete = "2026-12-07_10-00-00_default"
  static let partial = "2026-12-07_12-00-00_overfitting"

  /// `runs/` in `folder`: a finished run (learning rate 0.3), a partial one and a garbage one.
  static func writeRuns(in folder: TemporaryFolder) throws {
    let root = folder.path("runs")
    let shipped = try String(
      contentsOf: ReleaseBinary.packageRoot.appendingPathComponent("presets/default.toml"), encoding: .utf8)
    let preset = shipped.replacingOccurrences(of: "learning_rate = 0.01", with: "learning_rate = 0.3")
    try Fixture.write(
      complete, in: root, preset: preset,
      metrics: stride(from: 0, through: 1000, by: 50).map {
        Fixture.metricsLine(
          step: $0, trainLoss: 0.7 - Double($0) / 2000, valLoss: 0.72 - Double($0) / 2000, valAccuracy: 0.9)
      },
      summary: Fixture.summary(
        name: complete, preset: "default", started: "2026-12-07T10:00:00Z", steps: 1000, bestLoss: 0.22, bestStep: 1000,
        valAccuracy: 0.9, findings: [("overfitting", 600)], changes: [(400, "training.l2", "0", "0.001")]))
    try Fixture.write(
      partial, in: root, preset: preset,
      metrics: [
        Fixture.metricsLine(step: 0, trainLoss: 0.7, valLoss: 0.7, valAccuracy: 0.5),
        Fixture.metricsLine(step: 50, trainLoss: 0.5, valLoss: 0.55, valAccuracy: 0.7), "{\"schema\":1,\"st",
      ], cutShort: true)
    try Fixture.write("2026-12-07_11-00-00_digits\u{1B}]0;x", in: root, summary: "not json")
  }

  @Test("`runs` lists complete, partial and garbage runs newest first, escaped, with what is wrong")
  func listing() throws {
    let folder = try TemporaryFolder()
    try Self.writeRuns(in: folder)
    let run = try CommandRun.damTUI(["runs"], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(run.stdout)")
    #expect(lines[0].hasPrefix("run "))
    #expect(lines[1].hasPrefix(Self.partial) && lines[1].contains("partial") && lines[1].contains("0.55 @ 50"))
    #expect(lines[1].contains("! partial (no summary.json); metrics.jsonl line 3: cut short"))
    #expect(lines[2].hasPrefix("2026-12-07_11-00-00_digits\\u001B]0;x") && lines[2].contains("damaged"))
    #expect(lines[3].hasPrefix(Self.complete) && lines[3].contains("finished") && lines[3].contains("overfitting@600"))
    #expect(!run.stdout.contains("\u{1B}"))
    let json = try CommandRun.damTUI(["runs", "--json"], in: folder.url)
    #expect(json.jsonLines.map { $0["status"] as? String } == ["partial", "damaged", "finished"], "\(json.stdout)")
  }

  @Test("`runs show` prints the summary and the changes with their steps; unknown names and folders exit 2")
  func show() throws {
    let folder = try TemporaryFolder()
    try Self.writeRuns(in: folder)
    let run = try CommandRun.damTUI(["runs", "show", Self.complete], in: folder.url)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("status        finished\n"))
    #expect(run.stdout.contains("changes\n  step 400      training.l2 0 -> 0.001\n"), "\(run.stdout)")
    let unknown = try CommandRun.damTUI(["runs", "show", "nope"], in: folder.url)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no run named nope in runs"), "\(unknown.stderr)")
    let missing = try CommandRun.damTUI(["runs", "--log-dir", folder.path("none")], in: folder.url)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no log folder at \(folder.path("none"))"), "\(missing.stderr)")
  }

  @Test("R loads a previous run as a ghost in a real terminal; q prints the journal and writes journal.md")
  func ghostInTerminal() throws {
    let ui = try UIRun(setUp: Self.writeRuns)
    try ui.currentStep()
    try ui.tmux.send("R")
    try ui.expectScreen(Self.complete)
    // The newest run is the session's own, then the partial and the garbage ones.
    try ui.tmux.send("j", "j", "j", "Enter")
    try ui.expectScreen("ghost 1 (run \(Self.complete)): lr 0.3")
    try ui.tmux.send("q")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains("## Best point"), "\(screen)")
    let own = try FileManager.default.contentsOfDirectory(atPath: ui.folder.path("runs")).filter {
      $0.hasSuffix("_default") && $0 != Self.complete
    }
    #expect(own.count == 1, "\(own)")
    let journal = try String(contentsOfFile: ui.folder.path("runs/\(own[0])/journal.md"), encoding: .utf8)
    #expect(journal.hasPrefix("# Session journal: default\n"))
  }
}
