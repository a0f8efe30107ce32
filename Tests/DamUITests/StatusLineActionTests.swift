import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

/// The status line's second row keeps the action `a` applies whole and cuts the finding's explanation
/// before it when the row is too narrow for both (the `unnormalized-inputs` lesson's saturation finding).
@Suite("The status line keeps the offered action whole")
struct StatusLineActionTests {
  private let saturation = Finding(
    id: .saturation, severity: .warning,
    evidence: "saturation: 94% of layer 1's activations are stuck near their limits (layers 1-2 affected)",
    fix: "normalize the inputs (data.normalize is none), lower init_gain, or try relu")
  private let vanishing = Finding(
    id: .vanishingGradients, severity: .warning, evidence: "vanishing gradients in layer 1",
    fix: "try relu or he-normal")

  /// The status line of a run on raw inputs whose findings are `findings`, `width` columns wide.
  private func statusLine(_ findings: [Finding], width: Int) -> ScreenBuffer {
    var preset = Preset(name: "unnormalized-inputs", source: .builtIn)
    preset.data.normalize = .none
    var state = AppState(preset: preset, presets: [PresetListing(preset)], width: width, height: 40)
    send(&state, .findings(findings))
    let snapshot = ViewFixture.snapshot(steps: 300, findings: findings)
    return rendered(StatusLine(state: state, snapshot: snapshot, forkSnapshot: nil), width: width, height: 2)
  }

  @Test("At 120 columns the action after a: is whole and the explanation is cut before it")
  func wide() {
    expectSnapshot(
      statusLine([saturation, vanishing], width: 120),
      [
        "running | step 300 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | 51.2k/s | 200 steps/s | unnormalized-inputs        ",
        "saturation: 94% of layer 1's activations are stuck near...: a: normalize the inputs (standard)    d: 2 findings  ?: keys",
      ])
  }

  @Test("At 80 columns the action stays whole too, after the start of the explanation")
  func narrow() {
    expectSnapshot(
      statusLine([saturation, vanishing], width: 80),
      [
        "running | step 300 | loss 0.061 | val 0.083 | acc 95.5% | unnormalized-inputs   ",
        "saturation: 94%...: a: normalize the inputs (standard)    d: 2 findings  ?: keys",
      ])
  }

  @Test("A line that fits is shown whole; without room for the explanation the line is cut at its end")
  func fitting() {
    let line = StatusLine.SecondLine(explanation: "exploding gradients in layer 1", action: ": a: he-normal")
    #expect(line.fitted(to: 60) == "exploding gradients in layer 1: a: he-normal")
    #expect(line.fitted(to: 30) == "exploding...: a: he-normal")
    #expect(line.fitted(to: 20) == "exploding gradien...")
    let loss = StatusLine.SecondLine(
      explanation: "the initial loss 975 is far from ln(2) = 0.693, the loss of an untrained classifier",
      action: ": a: he-normal init at gain 1, and re-initialize")
    #expect(
      loss.fitted(to: 90) == "the initial loss 975 is far from ln(2)...: a: he-normal init at gain 1, and re-initialize"
    )
  }
}
