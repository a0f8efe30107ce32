import DamData
import DamEngine

/// A finding's advice as settings: what `a` applies, as the same recorded commands a key press or
/// `--change` sends.
public struct FindingAction: Sendable, Equatable {
  /// What it does, in words: "lower the learning rate 3x (10 -> 3.33)".
  public var summary: String
  /// The settings, each validated exactly as `--set` is.
  public var settings: [PresetOverride]
  /// Whether the weights are drawn again after the settings (the change shows only on fresh weights).
  public var reinitialize: Bool

  /// The commands that apply it, in order.
  public var commands: [Command] {
    settings.map { Command.set($0) } + (reinitialize ? [.reinitialize] : [])
  }
}

extension Finding {
  /// The actions that follow this finding's advice from `settings` (the settings asked for), most likely
  /// cure first; empty when the advice is not a setting (rewind, stop early).
  public func actions(settings: Preset) -> [FindingAction] {
    let rate = settings.training.learningRate
    let lowerRate = FindingAction.make(
      "lower the learning rate 3x (\(FindingText.number(rate)) -> \(FindingText.number(rate / 3)))",
      ["training.learning_rate=\(FindingText.number(rate / 3))"])
    let model = settings.model
    let randomInit = model.activation.saturates ? "xavier-uniform" : "he-normal"
    let freshInit = FindingAction.make(
      "\(randomInit) init at gain 1, and re-initialize", ["model.init=\(randomInit)", "model.init_gain=1"],
      reinitialize: true)
    let reluHe = FindingAction.make(
      "relu with he-normal, and re-initialize", ["model.activation=relu", "model.init=he-normal"], reinitialize: true)
    let candidates: [FindingAction?]
    switch id {
    case .diverged:
      candidates = [lowerRate.reinitializing, FindingAction.make("clip gradients at norm 1", ["training.clip_norm=1"])]
    case .learningRateTooHigh:
      candidates = [lowerRate, lowerRate.reinitializing]
    case .explodingGradients, .badInitLoss:
      candidates = [
        freshInit,
        id == .explodingGradients ? FindingAction.make("clip gradients at norm 1", ["training.clip_norm=1"]) : nil,
      ]
    case .symmetry:
      candidates = [
        FindingAction.make(
          "a random init (\(randomInit)), and re-initialize", ["model.init=\(randomInit)"], reinitialize: true)
      ]
    case .vanishingGradients:
      candidates = [
        model.activation.saturates
          ? reluHe
          : FindingAction.make("he-normal init, and re-initialize", ["model.init=he-normal"], reinitialize: true)
      ]
    case .deadRelu:
      candidates = [FindingAction.make("leaky-relu", ["model.activation=leaky-relu"]), lowerRate]
    case .saturation:
      candidates = [
        settings.data.normalize == DataSpec.Normalization.none
          ? FindingAction.make("normalize the inputs (standard)", ["data.normalize=standard"]) : nil,
        FindingAction.make(
          "lower init_gain 3x (\(FindingText.number(model.initializer.gain)) -> "
            + "\(FindingText.number(model.initializer.gain / 3))), and re-initialize",
          ["model.init_gain=\(FindingText.number(model.initializer.gain / 3))"], reinitialize: true),
        reluHe,
      ]
    case .learningRateTooLow:
      candidates = [
        FindingAction.make(
          "raise the learning rate 3x (\(FindingText.number(rate)) -> \(FindingText.number(rate * 3)))",
          ["training.learning_rate=\(FindingText.number(rate * 3))"])
      ]
    case .underfitting:
      let wider = model.hidden.map { min($0 * 2, 1024) }
      candidates = [
        settings.training.optimizer == .sgd ? FindingAction.make("optimizer adam", ["training.optimizer=adam"]) : nil,
        model.hidden.isEmpty || wider == model.hidden
          ? nil
          : FindingAction.make(
            "twice the hidden units (\(wider.map(String.init).joined(separator: ", "))), and re-initialize",
            ["model.hidden=[\(wider.map(String.init).joined(separator: ", "))]"], reinitialize: true),
      ]
    case .overfitting:
      let l2 = settings.training.l2
      let split = Int(Double(settings.data.samples) * settings.data.trainFraction)
      let moreData = settings.data.trainSamples.flatMap { $0 < split ? min($0 * 2, split) : nil }
      candidates = [
        FindingAction.make(
          l2 == 0 ? "add L2 0.001" : "L2 3x (\(FindingText.number(l2)) -> \(FindingText.number(l2 * 3)))",
          ["training.l2=\(l2 == 0 ? "0.001" : FindingText.number(l2 * 3))"]),
        moreData.flatMap {
          FindingAction.make("twice the training samples (\($0))", ["data.train_samples=\($0)"])
        },
        settings.training.dropout == 0 ? FindingAction.make("dropout 0.2", ["model.dropout=0.2"]) : nil,
      ]
    }
    return candidates.compactMap { $0 }
  }
}

extension FindingAction {
  /// An action of settings written as `--set` takes them; nil when one does not parse (never for the
  /// settings above, which are valid keys with valid values).
  static func make(_ summary: String, _ settings: [String], reinitialize: Bool = false) -> FindingAction? {
    var overrides: [PresetOverride] = []
    for setting in settings {
      guard let override = try? PresetOverride(parsing: setting) else { return nil }
      overrides.append(override)
    }
    return FindingAction(summary: summary, settings: overrides, reinitialize: reinitialize)
  }
}

extension FindingAction? {
  /// The same action followed by a re-initialization.
  fileprivate var reinitializing: FindingAction? {
    self.map {
      FindingAction(summary: $0.summary + ", and re-initialize", settings: $0.settings, reinitialize: true)
    }
  }
}
