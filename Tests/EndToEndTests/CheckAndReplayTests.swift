import Foundation
import Testing

/// `check` prepares the data as `train` does, and `replay` takes `train`'s output options.
@Suite("check prepares data; replay's output options")
struct CheckAndReplayTests {
  @Test("A preset whose CSV has a bad row fails `check` (exit 2) with `train`'s file:line:column message")
  func checkRejectsBadCSVRow() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write("data.csv", "x,y,label\n1,2,a\n3,oops,b\n4,5,a\n")
    let preset = try folder.write(
      "mine.toml", "[data]\ndataset = \"csv\"\npath = \"data.csv\"\ntarget = \"label\"\n")
    let check = try CommandRun.damTUI(["check", preset])
    let train = try CommandRun.damTUI(["train", "--preset", preset, "--steps", "1", "--quiet"])
    #expect(check.status == 2)
    #expect(train.status == 2)
    #expect(check.stderr.contains("data.csv:3:"), "\(check.stderr)")
    #expect(check.stderr == train.stderr, "check: \(check.stderr)\ntrain: \(train.stderr)")
  }

  @Test("`replay --quiet --save-weights` reproduces the run and saves its final weights")
  func replayTakesOutputOptions() throws {
    let folder = try TemporaryFolder()
    let recording = folder.path("run.jsonl")
    let trained = folder.path("trained.safetensors")
    let replayed = folder.path("replayed.safetensors")
    let train = try CommandRun.damTUI([
      "train", "--preset", "default", "--steps", "60", "--record", recording, "--save-weights", trained, "--quiet",
      "--jsonl", folder.path("train.jsonl"),
    ])
    #expect(train.status == 0, "\(train.stderr)")
    let replay = try CommandRun.damTUI([
      "replay", recording, "--quiet", "--save-weights", replayed, "--jsonl", folder.path("replay.jsonl"),
    ])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(replay.stderr.isEmpty)
    let original = try Data(contentsOf: URL(fileURLWithPath: trained))
    #expect(try Data(contentsOf: URL(fileURLWithPath: replayed)) == original)
  }
}
