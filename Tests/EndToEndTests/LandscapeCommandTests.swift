import Foundation
import Testing

/// `dam-tui landscape`, run as a user would: the CSV it writes, its agreement with `train`'s own final
/// figures, and its refusals.
@Suite("Landscape command")
struct LandscapeCommandTests {
  /// The CSV's rows as numbers, after checking the header.
  static func rows(_ text: String) -> [[Double]] {
    let lines = text.split(separator: "\n")
    #expect(lines.first == "alpha,beta,train_loss,val_loss")
    return lines.dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
  }

  @Test("The grid's centre holds the trained run's own final train_loss and val_loss")
  func centreIsTheRun() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("grid.csv")
    let run = try CommandRun.damTUI([
      "landscape", "--preset", "default", "--steps", "300", "--grid", "5", "--range", "0.5", "--out", file,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = Self.rows(try String(contentsOfFile: file, encoding: .utf8))
    #expect(rows.count == 25)
    #expect(rows.map { $0[0] }.prefix(5) == [-0.5, -0.25, 0, 0.25, 0.5])
    #expect(Set(rows.map { $0[1] }) == [-0.5, -0.25, 0, 0.25, 0.5])
    let centre = try #require(rows.first { $0[0] == 0 && $0[1] == 0 })
    let train = try CommandRun.damTUI(["train", "--preset", "default", "--steps", "300", "--jsonl", "-"])
    let final = try #require(train.jsonLines.last)
    let trainLoss = try #require(final["train_loss"] as? Double)
    let validationLoss = try #require(final["val_loss"] as? Double)
    #expect(abs(centre[2] - trainLoss) <= 1e-6 * trainLoss, "\(centre) vs \(final)")
    #expect(abs(centre[3] - validationLoss) <= 1e-6 * validationLoss, "\(centre) vs \(final)")
    let corners = rows.filter { abs($0[0]) == 0.5 && abs($0[1]) == 0.5 }
    #expect(corners.allSatisfy { $0[2] > centre[2] }, "a trained minimum is lower than the grid's corners")
  }

  @Test("The path plane spans the training path and still has the run at its centre")
  func pathPlane() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("path.csv")
    let run = try CommandRun.damTUI([
      "landscape", "--preset", "default", "--steps", "400", "--grid", "3", "--plane", "path", "--out", file,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let rows = Self.rows(try String(contentsOfFile: file, encoding: .utf8))
    #expect(rows.count == 9)
    #expect(rows[4][0] == 0 && rows[4][1] == 0)
    #expect(rows[0][0] < 0 && rows[8][0] > 0)
  }

  @Test("Bad options and an existing output are refused before training, naming the option")
  func refusals() throws {
    let folder = try TemporaryFolder()
    let existing = try folder.write("existing.csv", "keep me\n")
    let cases: [([String], String)] = [
      (["--out", existing], "exists: give --force"),
      (["--out", folder.path("a.csv"), "--plane", "diagonal"], "--plane diagonal"),
      (["--out", folder.path("b.csv"), "--grid", "2"], "--grid"),
      (["--out", folder.path("c.csv"), "--range", "0"], "--range"),
    ]
    for (arguments, message) in cases {
      let run = try CommandRun.damTUI(["landscape", "--steps", "50000"] + arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
  }
}
