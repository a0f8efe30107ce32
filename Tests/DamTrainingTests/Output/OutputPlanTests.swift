import Foundation
import Testing

@testable import DamTraining

@Suite("Output plans: no output over an input, another output or an existing file without --force")
struct OutputPlanTests {
  @Test("An output that is an input, even through a hard link, is refused")
  func inputIsNotAnOutput() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("a,y\n1,0\n", to: folder + "/data.csv")
      #expect(link(folder + "/data.csv", folder + "/alias.csv") == 0)
      var plan = OutputPlan(force: true, inputs: [folder + "/data.csv"])
      #expect(plan.add("--out", folder + "/alias.csv") == nil)
      #expect(plan.problems == ["--out \(folder)/alias.csv: is the input \(folder)/data.csv; write to another file"])
    }
  }

  @Test("Two outputs to one new file, or both to standard output, are refused")
  func outputsAreDistinct() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      var plan = OutputPlan(force: false, inputs: [])
      #expect(plan.add("--jsonl", folder + "/x") != nil)
      #expect(plan.add("--record", folder + "/./x") == nil)
      #expect(plan.add("--jsonl", "-") != nil)
      #expect(plan.add("--record", "-") == nil)
      #expect(plan.problems.count == 2)
      #expect(plan.problems.allSatisfy { $0.contains("is the same file as --jsonl") })
    }
  }

  @Test("An existing file needs force")
  func existingNeedsForce() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("x", to: folder + "/x")
      var refusing = OutputPlan(force: false, inputs: [])
      #expect(refusing.add("--out", folder + "/x") == nil)
      #expect(refusing.problems == ["--out \(folder)/x exists: give --force to replace it, or another file"])
      var forcing = OutputPlan(force: true, inputs: [])
      #expect(forcing.add("--out", folder + "/x") != nil && forcing.problems.isEmpty)
    }
  }
}
