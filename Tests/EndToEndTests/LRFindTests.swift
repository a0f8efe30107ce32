import Foundation
import Testing

/// `dam-tui lr-find`, run as a user would: its output contract, its JSON lines, its refusals, and whether
/// the rate it suggests trains well.
@Suite("Learning-rate range test command")
struct LRFindTests {
  /// The rate on the last line, which must read exactly `suggested learning_rate = X`.
  static func suggestion(in stdout: String) -> Double? {
    guard let last = stdout.split(separator: "\n").last, last.hasPrefix("suggested learning_rate = ") else {
      return nil
    }
    return Double(last.dropFirst("suggested learning_rate = ".count))
  }

  /// The final validation loss of `dam-tui train --preset default --steps 1000` at `learningRate`.
  static func validationLoss(learningRate: Double) throws -> Double {
    let run = try CommandRun.damTUI([
      "train", "--preset", "default", "--steps", "1000", "--set", "training.learning_rate=\(learningRate)", "--jsonl",
      "-",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let last = try #require(run.jsonLines.last, "no JSON lines from train")
    #expect(last["final"] as? Bool == true)
    return try #require(last["val_loss"] as? Double, "no val_loss in \(last)")
  }

  @Test("lr-find prints the curve as a table and ends with the suggested learning rate")
  func lastLine() throws {
    let run = try CommandRun.damTUI(["lr-find", "--preset", "default"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first?.split(separator: " ") == ["step", "learning_rate", "loss", "smoothed_loss"])
    #expect(lines.contains { $0.hasSuffix("<- suggested") })
    let rate = try #require(Self.suggestion(in: run.stdout), "last line: \(lines.last ?? "")")
    #expect(rate > 1e-7 && rate <= 10)
  }

  @Test("--jsonl writes one object per step, then a final one with the printed suggestion")
  func jsonLines() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("curve.jsonl")
    let run = try CommandRun.damTUI(["lr-find", "--preset", "default", "--steps", "120", "--jsonl", file])
    #expect(run.status == 0, "\(run.stderr)")
    let printed = try #require(Self.suggestion(in: run.stdout))
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let objects = text.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
    let steps = objects.dropLast()
    let final = try #require(objects.last)
    #expect(steps.count >= 20 && steps.count <= 120)
    #expect(steps.map { $0["step"] as? Int } == (0..<steps.count).map { $0 })
    let rates = steps.compactMap { $0["lr"] as? Double }
    #expect(rates.count == steps.count)
    #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 })
    #expect(abs(rates[0] - 1e-7) < 1e-19)
    #expect(steps.allSatisfy { $0["loss"] != nil && $0["smoothed_loss"] != nil })
    #expect(final["final"] as? Bool == true)
    #expect(final["steps"] as? Int == steps.count)
    #expect(final["suggested_learning_rate"] as? Double == printed)
    #expect(["completed", "diverged", "non-finite"].contains(final["status"] as? String ?? ""))
  }

  @Test("With --jsonl - standard output carries only JSON lines")
  func jsonLinesToStandardOutput() throws {
    let run = try CommandRun.damTUI(["lr-find", "--preset", "default", "--steps", "50", "--jsonl", "-"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(run.jsonLines.count == lines.count)
    #expect(run.jsonLines.last?["final"] as? Bool == true)
  }

  @Test("Bad input exits 2 with a message naming the problem")
  func badInput() throws {
    let cases: [([String], String)] = [
      (["--start", "0"], "--start"),
      (["--end", "20"], "--end"),
      (["--start", "1", "--end", "0.5"], "--start"),
      (["--steps", "2"], "--steps"),
      (["--preset", "no-such-preset"], "no-such-preset"),
      (["--set", "training.learning_rate=-1"], "learning_rate"),
    ]
    for (arguments, mentioned) in cases {
      let run = try CommandRun.damTUI(["lr-find"] + arguments)
      #expect(run.status == 2, "\(arguments): \(run.stdout)")
      #expect(run.stderr.contains(mentioned), "\(arguments): \(run.stderr)")
      #expect(run.stdout.isEmpty)
    }
  }

  @Test("The suggestion on the default preset trains at least as well after 1,000 steps as ten times and a tenth of it")
  func suggestionTrainsWell() throws {
    let run = try CommandRun.damTUI(["lr-find", "--preset", "default"])
    #expect(run.status == 0, "\(run.stderr)")
    let rate = try #require(Self.suggestion(in: run.stdout))
    let suggested = try Self.validationLoss(learningRate: rate)
    let higher = try Self.validationLoss(learningRate: min(10 * rate, 10))
    let lower = try Self.validationLoss(learningRate: rate / 10)
    #expect(
      suggested <= 1.1 * min(higher, lower),
      "val loss after 1,000 steps: \(suggested) at \(rate), \(higher) at 10x, \(lower) at a tenth")
  }
}
