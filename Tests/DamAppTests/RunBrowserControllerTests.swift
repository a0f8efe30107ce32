import DamApp
import DamTestTools
import DamTraining
import Foundation
import Testing

/// The run log's reading side in the screen: the run browser (`R`), `--compare`, and the journal printed
/// when the session ends.
@Suite("Runs in the screen: browser, compare, journal")
struct RunBrowserControllerTests {
  static let runName = "2026-12-07_10-00-00_default"

  /// Writes a finished run of the default preset with the learning rate at 0.3 under `folder/runs`.
  static func writeRun(in folder: URL) throws {
    let preset = try PresetLibrary().resolve(
      "default", overrides: [PresetOverride(parsing: "training.learning_rate=0.3")])
    let metrics = stride(from: 0, through: 500, by: 50).map { step in
      RunDirectoryFixture.metricsLine(
        step: step, trainLoss: 0.7 - Double(step) / 1000, valLoss: 0.72 - Double(step) / 1000, valAccuracy: 0.8)
    }
    try RunDirectoryFixture.write(
      runName, in: folder.appendingPathComponent("runs").path, preset: preset.tomlText, metrics: metrics,
      summary: RunDirectoryFixture.summary(
        name: runName, preset: "default", started: "2026-12-07T10:00:00Z", steps: 500, bestLoss: 0.22, bestStep: 500,
        valAccuracy: 0.8, changes: [(200, "training.l2", "0", "0.001")]))
    try RunDirectoryFixture.write("2026-12-07_09-00-00_broken", in: folder.appendingPathComponent("runs").path)
  }

  @Test("R lists the runs; Enter loads the chosen one as a ghost labelled with what differed; it stays after r")
  func browserLoadsGhost() throws {
    let ui = try AppRun(setUp: Self.writeRun)
    ui.expectScreen("step")
    ui.send("R")
    let listed = ui.expectScreen(Self.runName)
    #expect(listed.contains("finished"), "\(listed)")
    #expect(listed.contains("damaged"), "\(listed)")
    ui.send("Enter")
    ui.expectScreen("ghost 1 (run \(Self.runName)): lr 0.3, 1 change during the run: l2 0 -> 0.001")
    ui.send("r")
    ui.expectScreen("reset every setting")
    ui.expectScreen("ghost 1 (run \(Self.runName))")
    ui.expectScreen("ghost 2:")
    ui.quit()
  }

  @Test("Esc closes the run browser; an empty log folder says so")
  func browserEmpty() throws {
    let ui = try AppRun()
    ui.expectScreen("step")
    ui.send("R")
    ui.expectScreen("no log folder at")
    ui.send("Escape")
    let screen = ui.waitFor { !$0.contains("no log folder at") }
    #expect(screen.matched, "\(screen.screen)")
    ui.quit()
  }

  @Test("--compare opens the screen with that run as a ghost")
  func compareAtStart() throws {
    let ui = try AppRun(comparing: Self.runName, setUp: Self.writeRun)
    ui.expectScreen("ghost 1 (run \(Self.runName)): lr 0.3")
    ui.quit()
  }

  @Test("The journal lists the change made, the validation loss before and after, and the best point")
  func journalOfSession() throws {
    let ui = try AppRun()
    let start = try ui.currentStep()
    ui.waitForStep(above: start + 200, timeout: 120)
    ui.send("+")
    ui.expectScreen("lr 0.01 -> ")
    // The screen's step can trail the step the change was applied at, and the evaluation after
    // `stepsAfter` comes up to one `eval_every` (100) later: wait well past both.
    let changed = try ui.currentStep()
    ui.waitForStep(above: changed + SessionJournal.stepsAfter + 300, timeout: 120)
    ui.quit()
    let journal = try #require(ui.journals.first)
    #expect(ui.journals.count == 1)
    #expect(journal.changes.count == 1)
    #expect(journal.changes.first?.key == "training.learning_rate")
    #expect(journal.changes.first?.from == "0.01")
    let before = try #require(journal.before(change: 0))
    let after = try #require(journal.after(change: 0))
    #expect(before.step < journal.changes[0].step)
    #expect(after.measurement.step >= journal.changes[0].step + SessionJournal.stepsAfter)
    #expect(journal.best != nil)
    let markdown = journal.markdown
    #expect(markdown.hasPrefix("# Session journal: default\n"))
    #expect(
      markdown.contains("| \(RunListing.groupingThousands(journal.changes[0].step)) | training.learning_rate 0.01 -> "),
      "\(markdown)")
    #expect(markdown.contains("## Best point\n\nValidation loss "))
  }
}
