import DamEngine
import Foundation
import Testing

@testable import DamTraining

@Suite("Diagnostic rules")
struct DiagnosticsTests {
  @Test("A healthy run raises no finding, whichever steps measure the layers", arguments: [1, 8])
  func healthyRunIsSilent(measureEvery: Int) {
    var tanh = SyntheticRun()
    tanh.measureEvery = measureEvery
    #expect(tanh.findings() == [])
    var relu = SyntheticRun()
    relu.measureEvery = measureEvery
    relu.architecture.activation = .relu
    relu.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.saturatedFraction = nil
      metrics.deadFraction = index < 3 ? 0.1 : nil
      return metrics
    }
    #expect(relu.findings() == [])
  }

  @Test("A NaN loss is reported as divergence and silences every other rule")
  func divergedOnNaN() {
    var run = SyntheticRun()
    run.loss = { $0 == 999 ? .nan : 0.5 }
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm = 1e7
      return metrics
    }
    let findings = run.findings()
    #expect(findings.map(\.id) == [.diverged])
    #expect(findings.first?.severity == .critical)
    #expect(findings.first?.message.contains("step 999") == true)
  }

  @Test("An infinite gradient is reported as divergence")
  func divergedOnInfiniteGradient() {
    var run = SyntheticRun()
    run.layer = { step, index in
      var metrics = SyntheticRun.healthyLayer(index)
      if step == 999, index == 1 { metrics.gradientNorm = .infinity }
      return metrics
    }
    #expect(run.ids() == [.diverged])
    #expect(run.findings().first?.evidence.contains("gradient of layer 2") == true)
  }

  @Test("Huge gradient norms near the input are exploding gradients")
  func explodingByNorm() {
    var run = SyntheticRun()
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm = [4e4, 2e3, 30, 1][index]
      return metrics
    }
    let finding = run.findings().first { $0.id == .explodingGradients }
    #expect(finding?.severity == .critical)
    #expect(finding?.evidence == "exploding gradients in layers 1-2 (norm up to 4e+04)")
  }

  @Test("Gradient norms that grow by orders of magnitude are exploding gradients", arguments: [1, 8])
  func explodingByGrowth(measureEvery: Int) {
    var run = SyntheticRun()
    run.measureEvery = measureEvery
    run.layer = { step, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm *= pow(10, Double(step - 999) / 64)  // x10^4 over the 256-step window
      return metrics
    }
    let finding = run.findings().first { $0.id == .explodingGradients }
    #expect(finding?.evidence.hasPrefix("exploding gradients: the largest gradient norm grew") == true)
  }

  @Test("Gradients a thousand times smaller near the input are vanishing gradients", arguments: [1, 8])
  func vanishing(measureEvery: Int) {
    var run = SyntheticRun()
    run.measureEvery = measureEvery
    run.architecture = NetworkArchitecture(inputs: 2, hidden: [8, 8, 8, 8, 8], activation: .sigmoid, head: .binary)
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm = [1e-9, 1e-8, 1e-6, 1e-5, 1e-2, 0.5][index]
      metrics.saturatedFraction = nil
      return metrics
    }
    let findings = run.findings()
    #expect(findings.map(\.id) == [.vanishingGradients])
    #expect(findings.first?.message.hasPrefix("vanishing gradients in layers 1-4") == true)
    #expect(findings.first?.message.hasSuffix(": try relu or he-normal") == true)
  }

  @Test("Identical hidden units are symmetry, and their zero gradients are not called vanishing")
  func symmetry() {
    var run = SyntheticRun()
    run.rowSpread = { $0 == 3 ? 0.9 : 0 }
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm = index == 3 ? 0.3 : 0
      return metrics
    }
    let findings = run.findings()
    #expect(findings.map(\.id) == [.symmetry])
    #expect(findings.first?.evidence == "all units within each of layers 1-3 are identical (symmetry never broken)")
  }

  @Test("A single-unit layer is never called symmetric")
  func singleUnitLayerIsNotSymmetric() {
    var run = SyntheticRun()
    run.architecture.hidden = [1, 8, 8]
    run.rowSpread = { $0 == 0 ? 0 : 0.9 }
    #expect(!run.ids().contains(.symmetry))
  }

  @Test("Most ReLU units dead is reported with the worst layer", arguments: [1, 8])
  func deadRelu(measureEvery: Int) {
    var run = SyntheticRun()
    run.measureEvery = measureEvery
    run.architecture.activation = .relu
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.saturatedFraction = nil
      metrics.deadFraction = index < 3 ? [0.6, 0.75, 0.1][index] : nil
      return metrics
    }
    let finding = run.findings().first { $0.id == .deadRelu }
    #expect(finding?.evidence == "dead ReLU units: 75% of layer 2 never activate (layers 1-2 affected)")
    #expect(run.ids() == [.deadRelu])
  }

  @Test("Dead fractions are ignored for activations that cannot die")
  func deadFractionNeedsRelu() {
    var run = SyntheticRun()
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.deadFraction = 0.9
      return metrics
    }
    #expect(run.findings() == [])
  }

  @Test("Mostly saturated sigmoid or tanh units are saturation")
  func saturation() {
    var run = SyntheticRun()
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      if index == 0 { metrics.saturatedFraction = 0.82 }
      return metrics
    }
    #expect(run.ids() == [.saturation])
    #expect(run.findings().first?.message.hasPrefix("saturation: 82% of layer 1's activations") == true)
  }

  @Test("An initial loss far from ln(classes) is a bad initial loss")
  func badInitialLoss() {
    var run = SyntheticRun()
    run.architecture.head = .multiclass(classes: 10)
    run.trainingLoss = { step in step == 0 ? 9.5 : 1.0 }
    run.validationLoss = { step in step == 0 ? 9.6 : 1.1 }
    let finding = run.findings().first { $0.id == .badInitLoss }
    #expect(finding?.evidence == "the initial loss 9.5 is far from ln(10) = 2.3, the loss of an untrained classifier")
    #expect(finding?.fix.contains("init_gain") == true)
  }

  @Test("An initial loss near ln(classes) is fine, and regression has no expected initial loss")
  func goodInitialLoss() {
    var multiclass = SyntheticRun()
    multiclass.architecture.head = .multiclass(classes: 10)
    multiclass.trainingLoss = { step in step == 0 ? 2.4 : 1.0 }
    #expect(!multiclass.ids().contains(.badInitLoss))
    var regression = SyntheticRun()
    regression.architecture.head = .regression(outputs: 1)
    regression.trainingLoss = { step in step == 0 ? 40 : 1.0 }
    #expect(!regression.ids().contains(.badInitLoss))
  }

  @Test("A rising training loss means the learning rate is too high")
  func learningRateTooHighByRise() {
    var run = SyntheticRun()
    let falling = run.trainingLoss
    run.loss = { step in step < 700 ? 0.3 : 0.3 + Double(step - 700) / 300 }
    // The evaluated loss turns up too, still below its initial value.
    run.trainingLoss = { step in step < 700 ? falling(step) : falling(700) + Double(step - 700) / 1000 }
    let finding = run.findings(learningRate: 3).first { $0.id == .learningRateTooHigh }
    #expect(finding?.evidence.hasPrefix("the training loss rose") == true)
    #expect(finding?.fix == "lower the learning rate (now 3)")
  }

  @Test("A rising mini-batch loss is a learning rate too high even without evaluations inside the window")
  func learningRateTooHighByRiseUnevaluated() {
    var run = SyntheticRun()
    run.evaluateEvery = 5_000
    run.loss = { step in step < 700 ? 0.3 : 0.3 + Double(step - 700) / 300 }
    #expect(run.ids(learningRate: 3).contains(.learningRateTooHigh))
  }

  @Test("A noisy but falling mini-batch loss with a few unlucky batches is not a learning rate too high")
  func noisyFallingLossIsSilent() {
    var run = SyntheticRun()
    run.evaluateEvery = 5_000  // no evaluation inside the window: the mini-batch losses alone decide
    // Falling, with one batch in eight at six times the loss in the newest quarter (dropout, small batches).
    run.loss = { step in
      let trend = 0.3 - 0.05 * Double(max(step - 744, 0)) / 256
      return step >= 936 && step % 8 == 0 ? 6 * trend : trend
    }
    let window = run.window()
    let oldestMean = (192..<256).reduce(0.0) { $0 + window.loss(age: $1) } / 64
    let newestMean = (0..<64).reduce(0.0) { $0 + window.loss(age: $1) } / 64
    #expect(newestMean > 1.25 * oldestMean, "the spikes lift the mean of the newest quarter")
    #expect(!run.ids(learningRate: 0.03).contains(.learningRateTooHigh))
  }

  @Test("A mini-batch loss that rises while the evaluated training loss falls is not a learning rate too high")
  func noisyBatchesWithFallingEvaluatedLossAreSilent() {
    var run = SyntheticRun()
    // Dropout noise: the batches look worse while the evaluated loss (no dropout) keeps falling.
    run.loss = { step in step < 700 ? 0.3 : 0.3 + Double(step - 700) / 300 }
    #expect(!run.ids(learningRate: 0.03).contains(.learningRateTooHigh))
  }

  @Test("A training loss that ends above where it started means the learning rate is too high")
  func learningRateTooHighByEnd() {
    var run = SyntheticRun()
    run.trainingLoss = { step in 0.69 + 0.001 * Double(step % 7) + (step == 0 ? 0 : 0.2) }
    let finding = run.findings(learningRate: 3).first { $0.id == .learningRateTooHigh }
    #expect(finding?.evidence.hasPrefix("the training loss 0.") == true)
    #expect(finding?.evidence.hasSuffix("is above its initial 0.69 after 1,000 steps") == true)
  }

  @Test("No progress with tiny updates means the learning rate is too low, not underfitting")
  func learningRateTooLow() {
    var run = SyntheticRun()
    run.trainingLoss = { step in 0.693 - 1e-5 * Double(step) }
    run.loss = run.trainingLoss
    run.accuracy = { _ in 0.55 }
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.updateRatio = 2e-6
      return metrics
    }
    let findings = run.findings(learningRate: 1e-5)
    #expect(findings.map(\.id) == [.learningRateTooLow])
    #expect(findings.first?.fix == "raise the learning rate (now 1e-05)")
  }

  @Test("A training loss stuck at low accuracy with normal updates is underfitting")
  func underfitting() {
    var run = SyntheticRun()
    run.steps = 3_000
    run.trainingLoss = { step in max(0.55, 0.69 - Double(step) / 1_000) }
    run.validationLoss = { step in max(0.56, 0.69 - Double(step) / 1_000) }
    run.loss = run.trainingLoss
    run.accuracy = { step in min(0.7, 0.5 + Double(step) / 1_000) }
    let findings = run.findings()
    #expect(findings.map(\.id) == [.underfitting])
    #expect(findings.first?.severity == .info)
    #expect(findings.first?.evidence == "underfitting: the training accuracy has stalled at 70% for 2,000 steps")
  }

  @Test("Underfitting is found when evaluating every step, too")
  func underfittingEveryStep() {
    var run = SyntheticRun()
    run.steps = 3_000
    run.evaluateEvery = 1
    run.trainingLoss = { step in max(0.55, 0.69 - Double(step) / 1_000) }
    run.validationLoss = { step in max(0.56, 0.69 - Double(step) / 1_000) }
    run.loss = run.trainingLoss
    run.accuracy = { step in min(0.7, 0.5 + Double(step) / 1_000) }
    #expect(run.ids() == [.underfitting])
  }

  @Test("A plateau shorter than the plateau span is not underfitting")
  func shortPlateau() {
    var run = SyntheticRun()
    run.steps = 1_900
    run.trainingLoss = { step in max(0.55, 0.69 - Double(step) / 1_000) }
    run.accuracy = { step in min(0.7, 0.5 + Double(step) / 1_000) }
    #expect(!run.ids().contains(.underfitting))
  }

  @Test("A small absolute rise of a small validation loss is not overfitting")
  func smallRiseIsNotOverfitting() {
    var run = SyntheticRun()
    run.validationLoss = { step in step < 900 ? 0.1 : 0.12 }
    run.trainingLoss = { step in 0.6 - 0.5 * Double(step) / 1_000 }
    #expect(!run.ids().contains(.overfitting))
  }

  @Test("Validation loss rising while the training loss falls is overfitting")
  func overfitting() {
    var run = SyntheticRun()
    run.validationLoss = { step in 0.3 + 0.12 * pow(Double(step - 400) / 600, 2) }
    run.trainingLoss = { step in 0.6 - 0.5 * Double(step) / 1_000 }
    let finding = run.findings().first { $0.id == .overfitting }
    #expect(
      finding?.evidence
        == "overfitting: the validation loss is 40% above its best (0.3 at step 400) while the training loss "
        + "kept falling (0.4 -> 0.1)")
    #expect(finding?.fix.hasSuffix("or stop at step 400") == true)
  }

  @Test("Findings come root cause first, whatever their severity")
  func causalOrder() {
    var run = SyntheticRun()
    run.validationLoss = { step in 0.3 + 0.4 * pow(Double(step - 400) / 600, 2) }
    run.trainingLoss = { step in 0.6 - 0.5 * Double(step) / 1_000 }
    run.layer = { _, index in
      var metrics = SyntheticRun.healthyLayer(index)
      metrics.gradientNorm = index == 0 ? 5e3 : 1
      if index == 0 { metrics.saturatedFraction = 0.9 }
      return metrics
    }
    let ids = run.ids()
    #expect(ids.count >= 3)
    let ranks = ids.map { Diagnostics.causalOrder.firstIndex(of: $0) ?? -1 }
    #expect(ranks == ranks.sorted())
    #expect(ids.first == .explodingGradients)
    #expect(
      Diagnostics.causalOrder.firstIndex(of: .learningRateTooHigh)! < Diagnostics.causalOrder.firstIndex(
        of: .vanishingGradients)!)
    #expect(
      Diagnostics.causalOrder.firstIndex(of: .badInitLoss)! < Diagnostics.causalOrder.firstIndex(
        of: .explodingGradients)!)
  }

  @Test("After a change, overfitting asks whether validation rose since the change, not since the best ever")
  func overfittingSinceChange() {
    var run = SyntheticRun()
    run.validationLoss = { step in 0.3 + 0.12 * pow(Double(step - 400) / 600, 2) }
    run.trainingLoss = { step in 0.6 - 0.5 * Double(step) / 1_000 }
    var window = run.window()
    let diagnostics = Diagnostics()
    #expect(
      diagnostics.findings(in: window, architecture: run.architecture, learningRate: 0.03).contains {
        $0.id == .overfitting
      })
    window.markChange(atStep: 1_000, sameData: true)
    // After the change (say, L2) the validation loss falls back from 0.42, still above the best ever 0.3.
    for step in stride(from: 1_050, through: 1_500, by: 50) {
      for batchStep in (step - 50)..<step {
        window.recordStep(
          batchStep, loss: 0.1, layers: (0..<run.architecture.layerCount).map(SyntheticRun.healthyLayer))
      }
      window.recordEvaluation(
        EvaluationReport(
          step: step, epoch: step / 10, learningRate: 0.03, trainingLoss: 0.1,
          validationLoss: 0.42 - 0.0001 * Double(step - 1_000), regularizationLoss: 0, trainingAccuracy: 0.95,
          validationAccuracy: 0.9, samplesPerSecond: 1e5, layers: []))
    }
    let after = diagnostics.findings(in: window, architecture: run.architecture, learningRate: 0.03)
    #expect(!after.contains { $0.id == .overfitting }, "\(after.map(\.message))")
  }

  @Test("Where the advice is a setting, a finding offers it as an action")
  func actions() throws {
    var settings = Preset(name: "t", source: .builtIn)
    settings.training.learningRate = 0.3
    settings.training.optimizer = .sgd
    let high = Finding(id: .learningRateTooHigh, severity: .warning, evidence: "", fix: "")
    #expect(high.actions(settings: settings).first?.settings.map(\.argument) == ["training.learning_rate=0.1"])
    let overfit = Finding(id: .overfitting, severity: .warning, evidence: "", fix: "")
    #expect(overfit.actions(settings: settings).first?.settings.map(\.argument) == ["training.l2=0.001"])
    let vanishing = Finding(id: .vanishingGradients, severity: .warning, evidence: "", fix: "")
    let cure = try #require(vanishing.actions(settings: settings).first)
    #expect(cure.settings.map(\.argument) == ["model.activation=relu", "model.init=he-normal"])
    #expect(cure.commands.last == .reinitialize)
    for id in FindingID.allCases {
      for action in Finding(id: id, severity: .info, evidence: "", fix: "").actions(settings: settings) {
        #expect(throws: Never.self) { try settings.applying(action.settings) }
      }
    }
  }

  @Test("Layer lists read as people count layers")
  func layerText() {
    #expect(FindingText.layers([0, 1, 2, 3]) == "layers 1-4")
    #expect(FindingText.layers([1]) == "layer 2")
    #expect(FindingText.layers([3, 0, 1]) == "layers 1-2, 4")
    #expect(FindingText.number(0.000_012_34) == "1.23e-05")
    #expect(FindingText.number(.nan) == "NaN")
  }
}
