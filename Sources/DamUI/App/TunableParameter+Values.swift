import DamData
import DamEngine
import DamScreen
import DamTraining
import Foundation

/// Reading, formatting and stepping a parameter's value in a preset.
extension TunableParameter {
  /// The value as the panel shows it: `0.03`, `1e-4`, `he-normal`, `off`, `[16, 16]`.
  public func displayValue(in settings: Preset) -> String {
    switch self {
    case .momentum, .beta1, .beta2:
      return NumberFormat.compact(number(in: settings) ?? 0, significantDigits: 4)
    case .batchSize: return String(settings.training.batchSize)
    case .decaySteps: return String(settings.training.decaySteps)
    case .clipNorm: return settings.training.clipNorm.map { NumberFormat.compact($0) } ?? "off"
    case .hidden: return Self.layoutText(settings.model.hidden)
    case .samples: return String(settings.data.samples)
    case .trainSamples: return settings.data.trainSamples.map(String.init) ?? "all"
    default:
      if let choice = choice(in: settings) { return choice }
      return NumberFormat.compact(number(in: settings) ?? 0)
    }
  }

  /// The value in a few characters for labels that list several: a choice alone (`he-normal`), else a
  /// short name and the value (`lr 0.03`, `L2 1e-4`, `hidden [32, 32]`).
  public func shortText(in settings: Preset) -> String {
    let value = displayValue(in: settings)
    switch self {
    case .initializer, .optimizer, .schedule, .activation: return value
    case .batchNorm: return "batch norm \(value == "true" ? "on" : "off")"
    case .learningRate: return "lr \(value)"
    case .initGain: return "gain \(value)"
    case .batchSize: return "batch \(value)"
    case .decayRate: return "decay \(value)"
    case .clipNorm: return "clip \(value)"
    default: return "\(label) \(value)"
    }
  }

  /// The value as TOML text, exact: what the value entry starts with and what a change is sent as.
  public func typedValue(in settings: Preset) -> String {
    switch self {
    case .batchSize: return String(settings.training.batchSize)
    case .decaySteps: return String(settings.training.decaySteps)
    case .clipNorm where settings.training.clipNorm == nil: return "off"
    case .hidden: return Self.layoutText(settings.model.hidden)
    case .samples: return String(settings.data.samples)
    case .trainSamples:
      return String(settings.data.trainSamples ?? settings.data.trainingSplitCount ?? settings.data.samples)
    default:
      if let choice = choice(in: settings) { return choice }
      return Self.tomlNumber(number(in: settings) ?? 0)
    }
  }

  /// The TOML text of the value one `step` away, or nil when the keys cannot move this parameter (the
  /// layout is typed) or it is already at the end of its range.
  func adjustedValue(in settings: Preset, by step: AdjustStep) -> String? {
    let current = typedValue(in: settings)
    let moved: String
    if let choices = choices {
      let index = choices.firstIndex(of: current) ?? 0
      moved = choices[(index + (step.isIncrease ? 1 : choices.count - 1)) % choices.count]
    } else if let rule = stepRule {
      switch self {
      case .batchSize: moved = String(rule.apply(step, to: settings.training.batchSize))
      case .decaySteps: moved = String(rule.apply(step, to: settings.training.decaySteps))
      case .samples: moved = String(rule.apply(step, to: settings.data.samples))
      case .trainSamples:
        let split = settings.data.trainingSplitCount ?? Int.max
        let moved = min(rule.apply(step, to: settings.data.trainSamples ?? split), split)
        return moved == settings.data.trainSamples ?? split ? nil : String(moved)
      case .clipNorm where settings.training.clipNorm == nil:
        guard step.isIncrease else { return nil }
        moved = Self.tomlNumber(1)
      default: moved = Self.tomlNumber(rule.apply(step, to: number(in: settings) ?? 0))
      }
    } else {
      return nil
    }
    return moved == current ? nil : moved
  }

  /// The TOML text of a typed value: the clip norm takes `off` for 0 (no clipping); other text is TOML.
  func tomlValue(typed text: String) -> String {
    self == .clipNorm && text.lowercased() == "off" ? "0" : text
  }

  /// Whether the shown value differs from the one the current weights were drawn with.
  public func isPending(in settings: Preset, appliedModel: ModelSpec) -> Bool {
    switch self {
    case .initializer: settings.model.initializer.kind != appliedModel.initializer.kind
    case .initGain: settings.model.initializer.gain != appliedModel.initializer.gain
    case .hidden: settings.model.hidden != appliedModel.hidden
    case .batchNorm: settings.model.batchNorm != appliedModel.batchNorm
    case .initValue: settings.model.initializer.value != appliedModel.initializer.value
    default: false
    }
  }

  /// The names a choice parameter cycles through, in order; nil for values.
  private var choices: [String]? {
    switch self {
    case .initializer: Initializer.Kind.allCases.map(\.rawValue)
    case .optimizer: OptimizerKind.allCases.map(\.rawValue)
    case .schedule: LearningRateSchedule.allCases.map(\.rawValue)
    case .activation: Activation.allCases.map(\.rawValue)
    case .batchNorm: ["false", "true"]
    case .dataset: Self.planarSets.map(\.rawValue)
    case .normalize: DataSpec.Normalization.allCases.map(\.rawValue)
    default: nil
    }
  }

  private func choice(in settings: Preset) -> String? {
    switch self {
    case .initializer: settings.model.initializer.kind.rawValue
    case .optimizer: settings.training.optimizer.rawValue
    case .schedule: settings.training.schedule.rawValue
    case .activation: settings.model.activation.rawValue
    case .batchNorm: settings.model.batchNorm ? "true" : "false"
    case .dataset: settings.data.dataset.rawValue
    case .normalize: settings.data.normalize.rawValue
    default: nil
    }
  }

  private func number(in settings: Preset) -> Double? {
    let training = settings.training
    return switch self {
    case .learningRate: training.learningRate
    case .l1: training.l1
    case .l2: training.l2
    case .dropout: training.dropout
    case .initGain: settings.model.initializer.gain
    case .decayRate: training.decayRate
    case .momentum: training.momentum
    case .beta1: training.beta1
    case .beta2: training.beta2
    case .clipNorm: training.clipNorm
    case .initValue: settings.model.initializer.value
    case .noise: settings.data.noise
    case .trainFraction: settings.data.trainFraction
    case .featureScale: settings.data.featureScale
    case .augment: settings.data.augment
    default: nil
    }
  }

  /// A real number as a TOML float: `0.03`, `1e-06`, `2.0`.
  static func tomlNumber(_ value: Double) -> String {
    let text = String(format: "%.10g", value)
    return text.contains(where: { ".en".contains($0) }) ? text : text + ".0"
  }

  private static func layoutText(_ widths: [Int]) -> String {
    "[" + widths.map(String.init).joined(separator: ", ") + "]"
  }
}
