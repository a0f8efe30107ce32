import DamEngine
import Foundation
import Testing

@testable import DamTraining

@Suite("JSON lines of dam-tui train")
struct TrainingRecordEncoderTests {
  private func report(trainingLoss: Double = 0.25, accuracy: Double? = 0.875) -> EvaluationReport {
    var hidden = LayerMetrics()
    hidden.gradientNorm = 0.5
    hidden.weightNorm = 2
    hidden.updateRatio = 0.001
    hidden.activationMean = -0.125
    hidden.activationStd = 0.75
    hidden.saturatedFraction = 0.0625
    var output = LayerMetrics()
    output.gradientNorm = 1e-5
    output.weightNorm = 3
    return EvaluationReport(
      step: 1_200, epoch: 3, learningRate: 0.1, trainingLoss: trainingLoss, validationLoss: 0.5,
      regularizationLoss: 0, trainingAccuracy: accuracy, validationAccuracy: accuracy.map { $0 - 0.125 },
      samplesPerSecond: 123_456.5, layers: [hidden, output])
  }

  @Test("An evaluation is one line with every key in the documented order")
  func exactLine() {
    let finding = Finding(id: .saturation, severity: .warning, evidence: "saturation in layer 1", fix: "try relu")
    let line = TrainingRecordEncoder.line(report(), findings: [finding])
    #expect(
      line
        == #"{"schema":1,"step":1200,"epoch":3,"lr":0.1,"train_loss":0.25,"val_loss":0.5,"reg_loss":0.0,"#
        + #""train_acc":0.875,"val_acc":0.75,"samples_per_s":123456.5,"layers":["#
        + #"{"index":0,"grad_norm":0.5,"weight_norm":2.0,"update_ratio":0.001,"act_mean":-0.125,"act_std":0.75,"#
        + #""saturated":0.0625,"dead":null},"#
        + #"{"index":1,"grad_norm":1e-05,"weight_norm":3.0,"update_ratio":0.0,"act_mean":0.0,"act_std":0.0,"#
        + #""saturated":null,"dead":null}],"#
        + #""findings":[{"id":"saturation","message":"saturation in layer 1: try relu"}]}"#)
    #expect(!line.contains("\n"))
  }

  @Test("Non-finite numbers and missing accuracy are written as null")
  func nonFiniteIsNull() throws {
    let line = TrainingRecordEncoder.line(report(trainingLoss: .nan, accuracy: nil), findings: [])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["train_loss"] is NSNull)
    #expect(object["train_acc"] is NSNull)
    #expect(object["val_acc"] is NSNull)
    #expect(line.contains(#""train_loss":null"#))
    let infinite = TrainingRecordEncoder.line(report(trainingLoss: -.infinity), findings: [])
    #expect(infinite.contains(#""train_loss":null"#))
  }

  @Test("The final record adds final, status and the best validation loss with its step")
  func finalRecord() throws {
    let line = TrainingRecordEncoder.finalLine(
      report(), findings: [], outcome: RunOutcome(status: .diverged, bestValidationLoss: 0.375, bestValidationStep: 800)
    )
    #expect(
      line.hasSuffix(
        #""findings":[],"final":true,"status":"diverged","best_val_loss":0.375,"best_val_step":800,"goal":null,"goal_met":null,"goal_value":null}"#
      ))
    let none = TrainingRecordEncoder.finalLine(
      report(), findings: [], outcome: RunOutcome(status: .stopped, bestValidationLoss: nil, bestValidationStep: nil))
    #expect(
      none.hasSuffix(
        #""status":"stopped","best_val_loss":null,"best_val_step":null,"goal":null,"goal_met":null,"goal_value":null}"#)
    )
  }

  @Test("Numbers read back exactly and strings are escaped")
  func roundTrip() throws {
    struct Decoded: Decodable {
      var x: Double
      var tiny: Double
      var big: Double
      var text: String
    }
    let awkward = 0.1 + 0.2
    let text = "quote \" backslash \\ newline \n tab \t bell \u{7} é →"
    var writer = JSONObjectWriter()
    writer.field("x", awkward)
    writer.field("tiny", Double.leastNonzeroMagnitude)
    writer.field("big", 1.7976931348623157e308)
    writer.field("text", text)
    let decoded = try JSONDecoder().decode(Decoded.self, from: Data(writer.finish().utf8))
    #expect(decoded.x == awkward)
    #expect(decoded.tiny == Double.leastNonzeroMagnitude)
    #expect(decoded.big == 1.7976931348623157e308)
    #expect(decoded.text == text)
    #expect(writer.finish().contains(#"\u0007"#))
  }
}
