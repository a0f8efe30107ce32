import DamEngine
import Foundation
import Testing

@testable import DamTraining

@Suite("Initialization survey text")
struct InitializationSurveyTextTests {
  private func survey() throws -> InitializationSurvey {
    try InitializationSurvey(trainer: try Trainer(preset: Preset(name: "default", source: .builtIn)))
  }

  @Test("The table has a row per initializer in each block, layer columns, and marks the run's own")
  func table() throws {
    let survey = try survey()
    let lines = InitializationSurveyText.table(survey).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "network 2-16-16-1 tanh, one batch of 32, step 0 (no training)")
    let header = try #require(lines.firstIndex { $0.hasPrefix("act_std ") })
    #expect(lines[header].split(separator: " ") == ["act_std", "L1", "L2", "out", "distinct", "units"])
    #expect(lines[header + 1].hasPrefix(" zeros ") && lines[header + 1].hasSuffix("  identical"))
    #expect(lines[header + 6].hasPrefix("*xavier-uniform "))
    let gradients = try #require(lines.firstIndex { $0.hasPrefix("grad_norm ") })
    #expect(lines[gradients + 1].split(separator: " ") == ["zeros", "0", "0", "0"])
  }

  @Test("Each JSON line parses and carries the initializer and per-layer arrays")
  func jsonLines() throws {
    let survey = try survey()
    let lines = InitializationSurveyText.jsonLines(survey)
    #expect(lines.count == 6)
    let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    #expect(
      objects.map { $0["initializer"] as? String } == [
        "zeros", "normal", "normal", "xavier-uniform", "he-normal", "xavier-uniform",
      ])
    #expect(objects[1]["value"] as? Double == 0.01)
    #expect(objects[3]["value"] is NSNull)
    #expect(objects.map { $0["current"] as? Bool } == [false, false, false, false, false, true])
    for (object, profile) in zip(objects, survey.profiles) {
      // Foundation's parser may round the last digit: compare to 1e-12.
      let stds = try #require(object["act_std"] as? [Double])
      let norms = try #require(object["grad_norm"] as? [Double])
      #expect(zip(stds, profile.activationStds).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
      #expect(zip(norms, profile.gradientNorms).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
      #expect(stds.count == 3 && norms.count == 3)
      #expect(object["units"] as? [Int] == [16, 16, 1])
    }
  }
}
