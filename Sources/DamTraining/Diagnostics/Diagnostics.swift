import DamData
import DamEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The diagnostic rules: what they look at, when they fire, what they suggest.
///
/// Every threshold is in `DiagnosticThresholds`. Layer statistics are averaged over the layer samples
/// (the steps that measured per-layer metrics) among the newest `recentSteps` steps, at least the newest
/// one; "initial" means the first evaluation since (re-)initialization; layers are named
/// from 1 at the input side.
///
/// | id | fires when | suggests |
/// |---|---|---|
/// | `diverged` | the newest loss, a gradient or a weight norm is NaN or infinite | rewind, lower the learning rate |
/// | `exploding_gradients` | a gradient norm > `explodingNorm`, or > `explodingDepthRatio` x the output layer's, or the largest grew > `explodingGrowth` x across the window | lower init_gain or learning rate, clip_norm |
/// | `vanishing_gradients` | a layer's gradient norm < `vanishingRatio` x the output layer's | relu, he-normal, fewer layers |
/// | `symmetry` | all units of a hidden layer have the same weights and bias (relative row spread <= `symmetryTolerance`, see `RowSpread`) | a random initializer |
/// | `dead_relu` | a hidden ReLU layer has >= `deadFraction` dead units | lower learning rate, leaky-relu, he-normal |
/// | `saturation` | a hidden sigmoid/tanh layer has >= `saturatedFraction` saturated activations | lower init_gain, normalize, relu |
/// | `bad_init_loss` | the initial loss differs from ln(classes) by > `initialLossTolerance` x ln(classes) | lower init_gain |
/// | `lr_too_high` | the median mini-batch loss rose > `lossRise` across the window (and the evaluated training loss rose too, when evaluations span the window), or the training loss is above its baseline after `minimumTrendSteps`, or above `lossBlowUp` x its baseline at any time | lower the learning rate |
/// | `lr_too_low` | after `minimumProgressSteps` the loss fell < `minimumProgress` and every update/weight ratio < `lowUpdateRatio` | raise the learning rate |
/// | `underfitting` | the training loss changed < `plateauChange` over `plateauSteps` steps while accuracy < `underfittingAccuracy` | under plain SGD another optimizer or a higher learning rate first; a bigger network, less regularization |
/// | `overfitting` | the validation loss is > `overfittingRise` (and > `overfittingMinimumRise`) above its best while the training loss kept falling | l2, dropout, more data, early stop |
///
/// `diverged` silences every other rule (the numbers are meaningless) except a too-large `bad_init_loss`,
/// its cause; `symmetry` silences `vanishing_gradients` (identical units have zero gradients upstream by
/// construction); `lr_too_low` silences `underfitting`. Findings come root cause first (`causalOrder`),
/// not by severity: the first one is what the status line shows and what to fix first.
///
/// After a settings change (`MetricWindow.markChange`) the rules judge what happened since it: the
/// baseline of `lr_too_high`, `lr_too_low` and `underfitting` is the evaluation at the change, the trend
/// rules read only the steps since, and `overfitting` compares with the best validation loss since.
public struct Diagnostics: Sendable {
  /// The thresholds in force.
  public var thresholds: DiagnosticThresholds

  /// Rules with the given thresholds.
  public init(thresholds: DiagnosticThresholds = DiagnosticThresholds()) {
    self.thresholds = thresholds
  }

  /// The order findings come in, root causes first: a wrong initialization explains the explosion or
  /// divergence that follows, a too-high learning rate explains vanishing gradients and saturation, and so
  /// on down to the symptoms and to the verdicts on the whole run (underfitting, overfitting).
  public static let causalOrder: [FindingID] = [
    .badInitLoss, .diverged, .learningRateTooHigh, .symmetry, .explodingGradients, .learningRateTooLow,
    .saturation, .deadRelu, .vanishingGradients, .underfitting, .overfitting,
  ]

  /// The findings about the run that `window` describes, root cause first (see `causalOrder`).
  /// - Parameters:
  ///   - window: the recent metrics.
  ///   - architecture: the network's shape (activation, head, widths).
  ///   - learningRate: the learning rate in force, quoted in suggestions.
  ///   - settings: the settings in force, when known: advice then names the setting that is the likelier
  ///     cause (plain SGD before capacity, unnormalized inputs before the initialization).
  public func findings(
    in window: MetricWindow, architecture: NetworkArchitecture, learningRate: Double, settings: Preset? = nil
  ) -> [Finding] {
    let inspection = Inspection(window: window, architecture: architecture, thresholds: thresholds)
    if let diverged = diverged(window) {
      return Self.ranked([diverged, badInitialLoss(inspection, onlyTooLarge: true)])
    }
    var found: [Finding?] = [exploding(inspection)]
    let symmetric = symmetry(inspection)
    found.append(symmetric ?? vanishing(inspection))
    let lowRate = learningRateTooLow(inspection, learningRate: learningRate)
    found += [
      dead(inspection), saturated(inspection, settings: settings), badInitialLoss(inspection),
      learningRateTooHigh(inspection, learningRate: learningRate), lowRate,
      lowRate == nil ? underfitting(inspection, learningRate: learningRate, settings: settings) : nil,
      overfitting(inspection),
    ]
    return Self.ranked(found)
  }

  /// The findings in `causalOrder`.
  private static func ranked(_ findings: [Finding?]) -> [Finding] {
    findings.compactMap { $0 }.sorted {
      (causalOrder.firstIndex(of: $0.id) ?? causalOrder.count)
        < (causalOrder.firstIndex(of: $1.id) ?? causalOrder.count)
    }
  }

  private func diverged(_ window: MetricWindow) -> Finding? {
    let fix = "rewind to the last finite checkpoint, then lower the learning rate or set clip_norm"
    if window.stepCount > 0 {
      let step = FindingText.step(window.stepNumber(age: 0))
      let loss = window.loss(age: 0)
      if !loss.isFinite {
        return Finding(
          id: .diverged, severity: .critical,
          evidence: "training diverged at step \(step): the loss is \(FindingText.number(loss))",
          fix: fix)
      }
      for layer in 0..<(window.layerSampleCount > 0 ? window.layerCount : 0) {
        let statistics = window.layer(layer, age: 0)
        if !statistics.gradientNorm.isFinite || !statistics.weightNorm.isFinite {
          let what = statistics.gradientNorm.isFinite ? "weights" : "gradient"
          return Finding(
            id: .diverged, severity: .critical,
            evidence: "training diverged at step \(step): the \(what) of \(FindingText.layers([layer])) are not finite",
            fix: fix)
        }
      }
    }
    if let latest = window.evaluations.last, !latest.trainingLoss.isFinite || !latest.validationLoss.isFinite {
      return Finding(
        id: .diverged, severity: .critical,
        evidence: "training diverged at step \(FindingText.step(latest.step)): the evaluated loss is not finite",
        fix: fix)
    }
    return nil
  }

  private func exploding(_ inspection: Inspection) -> Finding? {
    guard let norms = inspection.gradientNorms else { return nil }
    let fix = "lower init_gain or the learning rate, or set clip_norm"
    let output = norms[norms.count - 1]
    let exploding = norms.indices.filter {
      norms[$0] > thresholds.explodingNorm || (output > 0 && norms[$0] > thresholds.explodingDepthRatio * output)
    }
    if !exploding.isEmpty {
      let largest = exploding.map { norms[$0] }.max() ?? 0
      return Finding(
        id: .explodingGradients, severity: .critical,
        evidence: "exploding gradients in \(FindingText.layers(exploding)) (norm up to \(FindingText.number(largest)))",
        fix: fix)
    }
    let window = inspection.window
    let samples = window.layerSampleCount
    guard window.stepCount >= thresholds.minimumTrendSteps, samples >= 4 else { return nil }
    let quarter = samples / 4
    let oldest = window.meanPerLayer(\.gradientNorm, ages: (samples - quarter)..<samples).max() ?? 0
    let newest = window.meanPerLayer(\.gradientNorm, ages: 0..<quarter).max() ?? 0
    guard oldest > 0, newest > thresholds.explodingGrowth * oldest else { return nil }
    return Finding(
      id: .explodingGradients, severity: .critical,
      evidence: "exploding gradients: the largest gradient norm grew \(FindingText.number(newest / oldest))x "
        + "over the last \(FindingText.step(window.layerSampleSpan)) steps", fix: fix)
  }

  private func vanishing(_ inspection: Inspection) -> Finding? {
    guard let norms = inspection.gradientNorms, norms.count > 1 else { return nil }
    let output = norms[norms.count - 1]
    guard output > 0 else { return nil }
    let vanishing = norms.indices.dropLast().filter { norms[$0] < thresholds.vanishingRatio * output }
    guard let weakest = vanishing.min(by: { norms[$0] < norms[$1] }) else { return nil }
    let fix =
      inspection.architecture.activation.saturates ? "try relu or he-normal" : "try he-normal init or fewer layers"
    return Finding(
      id: .vanishingGradients, severity: .warning,
      evidence: "vanishing gradients in \(FindingText.layers(vanishing)) "
        + "(layer \(weakest + 1) gets \(FindingText.number(norms[weakest] / output)) of the output layer's gradient)",
      fix: fix)
  }

  private func symmetry(_ inspection: Inspection) -> Finding? {
    let widths = inspection.architecture.hidden
    let symmetric = inspection.hiddenLayers.filter { layer in
      guard widths[layer] > 1, let spread = inspection.window.rowSpreads?[layer] else { return false }
      return spread <= thresholds.symmetryTolerance
    }
    guard let first = symmetric.first else { return nil }
    let units = symmetric.count == 1 ? "all \(widths[first]) units of" : "all units within each of"
    return Finding(
      id: .symmetry, severity: .warning,
      evidence: "\(units) \(FindingText.layers(symmetric)) are identical (symmetry never broken)",
      fix: "re-initialize with a random init such as he-normal or xavier-uniform")
  }

  private func dead(_ inspection: Inspection) -> Finding? {
    guard inspection.architecture.activation.canDie,
      let fractions = inspection.meanHidden({ $0.deadFraction ?? 0 })
    else { return nil }
    let dead = fractions.indices.filter { fractions[$0] >= thresholds.deadFraction }
    guard let worst = dead.max(by: { fractions[$0] < fractions[$1] }) else { return nil }
    return Finding(
      id: .deadRelu, severity: .warning,
      evidence: "dead ReLU units: \(FindingText.percent(fractions[worst])) of layer \(worst + 1) never activate"
        + (dead.count > 1 ? " (\(FindingText.layers(dead)) affected)" : ""),
      fix: "lower the learning rate, use leaky-relu, or re-initialize with he-normal")
  }

  private func saturated(_ inspection: Inspection, settings: Preset?) -> Finding? {
    guard inspection.architecture.activation.saturates,
      let fractions = inspection.meanHidden({ $0.saturatedFraction ?? 0 })
    else { return nil }
    let saturated = fractions.indices.filter { fractions[$0] >= thresholds.saturatedFraction }
    guard let worst = saturated.max(by: { fractions[$0] < fractions[$1] }) else { return nil }
    return Finding(
      id: .saturation, severity: .warning,
      evidence: "saturation: \(FindingText.percent(fractions[worst])) of layer \(worst + 1)'s activations are stuck "
        + "near their limits" + (saturated.count > 1 ? " (\(FindingText.layers(saturated)) affected)" : ""),
      fix: settings?.data.normalize == DataSpec.Normalization.none
        ? "normalize the inputs (data.normalize is none), lower init_gain, or try relu"
        : "lower init_gain, normalize the inputs, or try relu")
  }

  /// `onlyTooLarge`: fire only for an initial loss above ln(classes) (after a divergence, when only the
  /// cause of the blow-up is worth naming).
  private func badInitialLoss(_ inspection: Inspection, onlyTooLarge: Bool = false) -> Finding? {
    guard let classes = inspection.architecture.head.classCount,
      let initial = inspection.window.initialEvaluation?.trainingLoss, initial.isFinite
    else { return nil }
    let expected = log(Double(classes))
    guard abs(initial - expected) > thresholds.initialLossTolerance * expected, !onlyTooLarge || initial > expected
    else { return nil }
    let fix =
      initial > expected
      ? "the initial weights are too large: lower init_gain or use xavier/he init"
      : "an untrained network should not do this well: check that the labels do not leak into the inputs"
    return Finding(
      id: .badInitLoss, severity: .warning,
      evidence: "the initial loss \(FindingText.number(initial)) is far from ln(\(classes)) = "
        + "\(FindingText.number(expected)), the loss of an untrained classifier", fix: fix)
  }

  private func learningRateTooHigh(_ inspection: Inspection, learningRate: Double) -> Finding? {
    let window = inspection.window
    // Formatted only when the finding fires: this check runs at every evaluation.
    var fix: String { "lower the learning rate (now \(FindingText.number(learningRate)))" }
    if let baseline = window.baselineEvaluation, let latest = window.evaluations.last, latest.step > baseline.step,
      latest.step - baseline.step >= thresholds.minimumTrendSteps && latest.trainingLoss > baseline.trainingLoss
        || latest.trainingLoss > thresholds.lossBlowUp * baseline.trainingLoss
    {
      let since =
        baseline.step == window.initialEvaluation?.step
        ? "its initial" : "its value at the change (step \(FindingText.step(baseline.step)))"
      return Finding(
        id: .learningRateTooHigh, severity: .warning,
        evidence: "the training loss \(FindingText.number(latest.trainingLoss)) is above \(since) "
          + "\(FindingText.number(baseline.trainingLoss)) after \(FindingText.step(latest.step - baseline.step)) steps",
        fix: fix)
    }
    let steps = window.stepCountSinceChange
    guard steps >= thresholds.minimumTrendSteps else { return nil }
    let quarter = steps / 4
    let oldest = window.medianLoss(ages: (steps - quarter)..<steps)
    let newest = window.medianLoss(ages: 0..<quarter)
    guard oldest > 0, newest > (1 + thresholds.lossRise) * oldest else { return nil }
    // Mini-batch losses are noisy (dropout, small batches); the evaluated training loss is not (evaluation
    // mode, the whole split). When evaluations span the window, it must have risen too.
    let windowStart = window.stepNumber(age: steps - 1)
    if let start = window.evaluations.last(where: { $0.step <= windowStart }), let latest = window.evaluations.last,
      latest.step > start.step, latest.trainingLoss <= start.trainingLoss
    {
      return nil
    }
    return Finding(
      id: .learningRateTooHigh, severity: .warning,
      evidence: "the training loss rose \(FindingText.percent(newest / oldest - 1)) over the last "
        + "\(FindingText.step(steps)) steps", fix: fix)
  }

  private func learningRateTooLow(_ inspection: Inspection, learningRate: Double) -> Finding? {
    let window = inspection.window
    guard let initial = window.baselineEvaluation, let latest = window.evaluations.last,
      latest.step - initial.step >= thresholds.minimumProgressSteps, initial.trainingLoss > 0,
      let ratios = inspection.updateRatios, let largestRatio = ratios.max()
    else { return nil }
    let progress = (initial.trainingLoss - latest.trainingLoss) / initial.trainingLoss
    guard progress < thresholds.minimumProgress, largestRatio < thresholds.lowUpdateRatio else { return nil }
    return Finding(
      id: .learningRateTooLow, severity: .warning,
      evidence: "the training loss fell only \(FindingText.percent(max(progress, 0))) in "
        + "\(FindingText.step(latest.step - initial.step)) steps and the largest update/weight ratio is "
        + "\(FindingText.number(largestRatio)) (about 1e-3 is healthy)",
      fix: "raise the learning rate (now \(FindingText.number(learningRate)))")
  }

  private func underfitting(_ inspection: Inspection, learningRate: Double, settings: Preset?) -> Finding? {
    let window = inspection.window
    guard let latest = window.evaluations.last, let initial = window.baselineEvaluation,
      let first = window.evaluations.last(where: {
        latest.step - $0.step >= thresholds.plateauSteps && $0.step >= initial.step
      }),
      first.trainingLoss > 0
    else { return nil }
    let change = abs(first.trainingLoss - latest.trainingLoss) / first.trainingLoss
    guard change < thresholds.plateauChange else { return nil }
    let span = FindingText.step(latest.step - first.step)
    let evidence: String
    if let accuracy = latest.trainingAccuracy {
      guard accuracy < thresholds.underfittingAccuracy else { return nil }
      evidence = "underfitting: the training accuracy has stalled at \(FindingText.percent(accuracy)) for \(span) steps"
    } else {
      guard latest.trainingLoss > thresholds.underfittingLossFraction * initial.trainingLoss else { return nil }
      evidence =
        "underfitting: the training loss has stalled at \(FindingText.number(latest.trainingLoss)) for \(span) steps"
    }
    let capacity = "add hidden units or layers, or lower l1, l2 and dropout"
    return Finding(
      id: .underfitting, severity: .info, evidence: evidence,
      fix: settings?.training.optimizer == .sgd
        ? "plain SGD is slow here: try optimizer adam or momentum, or raise the learning rate (now "
          + "\(FindingText.number(learningRate))); then \(capacity)"
        : capacity)
  }

  private func overfitting(_ inspection: Inspection) -> Finding? {
    let window = inspection.window
    guard let best = window.bestSinceBaseline, let latest = window.evaluations.last, latest.step > best.step,
      latest.validationLoss > (1 + thresholds.overfittingRise) * best.validationLoss,
      latest.validationLoss - best.validationLoss > thresholds.overfittingMinimumRise,
      latest.trainingLoss < best.trainingLoss
    else { return nil }
    let rise = latest.validationLoss / best.validationLoss - 1
    let sinceChange = window.changeStep.map { " since the change at step \(FindingText.step($0))" } ?? ""
    return Finding(
      id: .overfitting, severity: .warning,
      evidence: "overfitting: the validation loss is \(FindingText.percent(rise)) above its best\(sinceChange) "
        + "(\(FindingText.number(best.validationLoss)) at step \(FindingText.step(best.step))) while the training loss "
        + "kept falling (\(FindingText.number(best.trainingLoss)) -> \(FindingText.number(latest.trainingLoss)))",
      fix: "add l2 or dropout, use more data or augmentation, or stop at step \(FindingText.step(best.step))")
  }
}

/// The recent per-layer averages the rules share, computed once per evaluation of the rules.
private struct Inspection {
  let window: MetricWindow
  let architecture: NetworkArchitecture
  /// Mean gradient norm per layer over the newest steps; nil before any step.
  let gradientNorms: [Double]?
  /// Mean update/weight ratio per layer over the newest steps; nil before any step.
  let updateRatios: [Double]?
  private let recent: Range<Int>

  init(window: MetricWindow, architecture: NetworkArchitecture, thresholds: DiagnosticThresholds) {
    self.window = window
    self.architecture = architecture
    recent = 0..<window.recentLayerSampleCount(steps: thresholds.recentSteps)
    let hasSteps = !recent.isEmpty && window.layerCount > 0
    gradientNorms = hasSteps ? window.meanPerLayer(\.gradientNorm, ages: recent) : nil
    updateRatios = hasSteps ? window.meanPerLayer(\.updateRatio, ages: recent) : nil
  }

  /// Hidden-layer indices (every layer but the output layer).
  var hiddenLayers: Range<Int> { 0..<max(window.layerCount - 1, 0) }

  /// The mean of `metric` over the newest steps for each hidden layer; nil before any step.
  func meanHidden(_ metric: (LayerMetrics) -> Double) -> [Double]? {
    guard !recent.isEmpty else { return nil }
    return Array(window.meanPerLayer(metric, ages: recent).prefix(hiddenLayers.count))
  }
}
