import Foundation
import Testing

/// `dam-tui neurons`, run as a user would: the CSV it writes and its refusals.
@Suite("Neurons command")
struct NeuronsCommandTests {
  @Test("2-D data: one row per hidden unit and grid point, tanh activations within -1...1")
  func planeActivations() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("neurons.csv")
    let run = try CommandRun.damTUI(["neurons", "--preset", "default", "--steps", "100", "--grid", "4", "--out", file])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "layer,unit,x,y,activation")
    let rows = lines.dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
    #expect(rows.count == 2 * 32 * 16)
    #expect(rows.allSatisfy { abs($0[4]) <= 1 })
    #expect(Set(rows.map { $0[0] }) == [1, 2])
    #expect(rows[0][3] > rows[15][3], "each unit's grid starts at the top row")
  }

  @Test("Digits: the first layer's weights, one row per unit and pixel")
  func digitsWeights() throws {
    let run = try CommandRun.damTUI(["neurons", "--preset", "digits", "--steps", "20", "--out", "-"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first == "unit,input,name,weight")
    #expect(lines.count == 1 + 64 * 64)
  }

  @Test("Bad options and outputs are refused before training, naming the option")
  func refusals() throws {
    let folder = try TemporaryFolder()
    let existing = try folder.write("existing.csv", "keep me\n")
    let cases: [([String], String)] = [
      (["--out", existing], "exists: give --force"),
      (["--out", folder.path("missing/dir/a.csv")], "--out"),
      (["--out", folder.path("b.csv"), "--grid", "1"], "--grid 1 is out of range: expected an integer in 2...128"),
      (["--out", folder.path("c.csv"), "--steps", "-3"], "--steps"),
    ]
    for (arguments, message) in cases {
      let run = try CommandRun.damTUI(["neurons", "--steps", "50000"] + arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
  }
}
