import DamData
import DamEngine
import DamTraining

/// One row of the hyperparameter panel. The cases are in display order: learning rate first (selected
/// at start), then regularization, initialization, the optimizer and its settings, the network, and
/// last the data group (`data.*`).
public enum TunableParameter: CaseIterable, Sendable, Hashable {
  /// `training.learning_rate`, stepped on a log scale.
  case learningRate
  /// `training.l1`, log scale down to 0.
  case l1
  /// `training.l2`, log scale down to 0.
  case l2
  /// `model.dropout`, in steps of 0.05.
  case dropout
  /// `model.init`, cycled; applies on re-initialization.
  case initializer
  /// `model.init_gain`, log scale; applies on re-initialization.
  case initGain
  /// `model.init_value` (the constant of `constant`, the sigma of `normal`, the bound of `uniform`), log
  /// scale; applies on re-initialization.
  case initValue
  /// `training.optimizer`, cycled.
  case optimizer
  /// `training.batch_size`, doubled and halved.
  case batchSize
  /// `training.schedule`, cycled.
  case schedule
  /// `training.decay_rate`, log scale.
  case decayRate
  /// `training.decay_steps`, doubled and halved.
  case decaySteps
  /// `training.momentum`, toward 1 on a log scale.
  case momentum
  /// `training.beta1`, toward 1 on a log scale.
  case beta1
  /// `training.beta2`, toward 1 on a log scale.
  case beta2
  /// `training.clip_norm`, log scale from off.
  case clipNorm
  /// `model.activation`, cycled; applies at once.
  case activation
  /// `model.hidden`, typed as a list; applies on re-initialization.
  case hidden
  /// `model.batch_norm`, toggled; applies on re-initialization.
  case batchNorm
  /// `data.dataset`, cycled among the 2-D sets; the data is prepared again between two steps (a change of
  /// the input or output size asks to re-initialize first).
  case dataset
  /// `data.samples`, doubled and halved.
  case samples
  /// `data.noise`, in steps of 0.05.
  case noise
  /// `data.train_samples` (all of the training split when unset), doubled and halved within the split.
  case trainSamples
  /// `data.train_fraction`, in steps of 0.05.
  case trainFraction
  /// `data.normalize`, cycled.
  case normalize
  /// `data.feature_scale`, log scale from 1.
  case featureScale
  /// `data.augment`, in steps of 0.05.
  case augment

  /// The row's label.
  public var label: String {
    switch self {
    case .learningRate: "learning rate"
    case .l1: "L1"
    case .l2: "L2"
    case .dropout: "dropout"
    case .initializer: "init"
    case .initGain: "init gain"
    case .initValue: "init value"
    case .optimizer: "optimizer"
    case .batchSize: "batch size"
    case .schedule: "schedule"
    case .decayRate: "decay rate"
    case .decaySteps: "decay steps"
    case .momentum: "momentum"
    case .beta1: "beta1"
    case .beta2: "beta2"
    case .clipNorm: "clip norm"
    case .activation: "activation"
    case .hidden: "hidden"
    case .batchNorm: "batch norm"
    case .dataset: "dataset"
    case .samples: "samples"
    case .noise: "noise"
    case .trainSamples: "train samples"
    case .trainFraction: "train fraction"
    case .normalize: "normalize"
    case .featureScale: "feature scale"
    case .augment: "augment"
    }
  }

  /// The preset key a change is sent as, `section.key`.
  public var presetKey: String {
    switch self {
    case .learningRate: "training.learning_rate"
    case .l1: "training.l1"
    case .l2: "training.l2"
    case .dropout: "model.dropout"
    case .initializer: "model.init"
    case .initGain: "model.init_gain"
    case .initValue: "model.init_value"
    case .optimizer: "training.optimizer"
    case .batchSize: "training.batch_size"
    case .schedule: "training.schedule"
    case .decayRate: "training.decay_rate"
    case .decaySteps: "training.decay_steps"
    case .momentum: "training.momentum"
    case .beta1: "training.beta1"
    case .beta2: "training.beta2"
    case .clipNorm: "training.clip_norm"
    case .activation: "model.activation"
    case .hidden: "model.hidden"
    case .batchNorm: "model.batch_norm"
    case .dataset: "data.dataset"
    case .samples: "data.samples"
    case .noise: "data.noise"
    case .trainSamples: "data.train_samples"
    case .trainFraction: "data.train_fraction"
    case .normalize: "data.normalize"
    case .featureScale: "data.feature_scale"
    case .augment: "data.augment"
    }
  }

  /// Whether a change applies at once or waits for re-initialization.
  public var timing: ParameterTiming {
    switch self {
    case .initializer, .initGain, .initValue, .hidden, .batchNorm: .onReinitialization
    default: .live
    }
  }

  /// What may be typed, as shown with the value entry and its errors: `(0, 10]`, `sgd, momentum, ...`.
  public var allowedValues: String {
    switch self {
    case .learningRate: "a number in (0, 10]"
    case .l1, .l2: "a number in [0, 10]"
    case .dropout, .momentum, .beta1, .beta2: "a number in [0, 1)"
    case .initializer: Self.names(Initializer.Kind.self)
    case .initGain: "a number in [0, 1000]"
    case .optimizer: Self.names(OptimizerKind.self)
    case .batchSize: "an integer in 1...1000000"
    case .schedule: Self.names(LearningRateSchedule.self)
    case .decayRate: "a number in (0, 100]"
    case .decaySteps: "an integer in 1...1000000000"
    case .clipNorm: "off (or 0), or a number in (0, 1000000]"
    case .activation: Self.names(Activation.self)
    case .hidden: "a list of layer widths such as [32, 32], each in 1...1000000"
    case .batchNorm: "true or false"
    case .initValue: "a number in [-1000, 1000]"
    case .dataset: "one of " + Self.planarSets.map(\.rawValue).joined(separator: ", ")
    case .samples: "an integer in 50...100000"
    case .noise: "a number in [0, 0.5]"
    case .trainSamples: "an integer from 1 to the training split (samples x train fraction)"
    case .trainFraction: "a number in [0.1, 0.9]"
    case .normalize: Self.names(DataSpec.Normalization.self)
    case .featureScale: "a number in [1, 1000000]"
    case .augment: "a number in [0, 1]"
    }
  }

  /// How the adjusting keys move the value; nil for choices (which cycle) and the layout (typed only).
  var stepRule: StepRule? {
    switch self {
    case .learningRate: .logarithmic(lowest: 1e-6, highest: 10, allowsZero: false)
    case .l1, .l2: .logarithmic(lowest: 1e-5, highest: 10, allowsZero: true)
    case .dropout: .linear(step: 0.05, largeStep: 0.25, range: 0...0.95)
    case .initGain: .logarithmic(lowest: 0.01, highest: 100, allowsZero: false)
    case .batchSize: .doubling(largeFactor: 8, range: Hyperparameters.batchSizeRange)
    case .decayRate: .logarithmic(lowest: 0.01, highest: 100, allowsZero: false)
    case .decaySteps: .doubling(largeFactor: 8, range: Hyperparameters.decayStepsRange)
    case .momentum, .beta1, .beta2: .towardOne(closest: 1e-4)
    case .clipNorm: .logarithmic(lowest: 0.01, highest: 1_000_000, allowsZero: true)
    case .initValue: .logarithmic(lowest: 1e-4, highest: 1000, allowsZero: true)
    case .samples: .doubling(largeFactor: 8, range: 50...100_000)
    case .noise: .linear(step: 0.05, largeStep: 0.25, range: 0...0.5)
    case .trainSamples: .doubling(largeFactor: 8, range: 1...100_000_000)
    case .trainFraction: .linear(step: 0.05, largeStep: 0.25, range: 0.1...0.9)
    case .featureScale: .logarithmic(lowest: 1, highest: 1_000_000, allowsZero: false)
    case .augment: .linear(step: 0.05, largeStep: 0.25, range: 0...1)
    case .initializer, .optimizer, .schedule, .activation, .hidden, .batchNorm, .dataset, .normalize: nil
    }
  }

  /// The datasets the panel cycles through: the generated 2-D sets.
  static let planarSets: [DataSpec.Source] = [.circle, .xor, .gauss, .spiral, .moons, .plane, .bump]

  private static func names<Choice: RawRepresentable<String> & CaseIterable>(_: Choice.Type) -> String {
    "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", ")
  }
}
