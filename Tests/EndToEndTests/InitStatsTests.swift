import Foundation
import Testing

/// `dam-tui init-stats` (release binary): the table, the JSON lines, and a clear error for a bad preset.
@Suite("init-stats")
struct InitStatsTests {
  @Test("The table has act_std and grad_norm blocks, a column per layer, and the preset's init marked")
  func table() throws {
    let run = try CommandRun.damTUI(["init-stats", "--preset", "vanishing-gradients"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("act_std ") }, "\(run.stdout)")
    #expect(header.contains(" L1 ") && header.contains(" L8 ") && header.contains(" out "))
    #expect(lines.contains { $0.hasPrefix("grad_norm ") })
    #expect(lines.contains { $0.hasPrefix(" zeros ") && $0.hasSuffix("identical") })
    #expect(lines.contains { $0.hasPrefix("*") }, "\(run.stdout)")
  }

  @Test("--json prints one parseable object per initializer with per-layer arrays; --set changes the network")
  func json() throws {
    let run = try CommandRun.damTUI([
      "init-stats", "--preset", "default", "--set", "model.hidden=[8, 8, 8]", "--set", "model.init=he-normal",
      "--json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let objects = run.jsonLines
    #expect(objects.count == 6)
    #expect(
      objects.map { $0["label"] as? String } == [
        "zeros", "normal 0.01", "normal 1", "xavier-uniform", "he-normal", "he-normal",
      ])
    #expect(objects.last?["current"] as? Bool == true)
    for object in objects {
      #expect((object["act_std"] as? [Double])?.count == 4)
      #expect((object["grad_norm"] as? [Double])?.count == 4)
      #expect((object["units"] as? [Int])?.prefix(3) == [8, 8, 8])
      #expect(object["gain"] as? Double == 1)
    }
    #expect(objects[0]["distinct_units"] as? [Int] == [1, 1, 1, 1])
  }

  @Test("An unknown preset exits 2 naming it and the known ones, with nothing on standard output")
  func badPreset() throws {
    let run = try CommandRun.damTUI(["init-stats", "--preset", "no-such-lesson"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("no-such-lesson: no preset of that name"), "\(run.stderr)")
    #expect(run.stderr.contains("vanishing-gradients"))
  }
}
