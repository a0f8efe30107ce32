import DamData
import DamEngine

/// Every key a preset may contain, in the order files are written. Ranges and defaults are documented in
/// `presets/README.md`; the training ranges are `Hyperparameters`' own.
enum PresetSchema {
  /// All keys, file order.
  static let fields: [PresetField] =
    topFields + dataFields + modelFields + trainingFields + runFields + [stopAtEndField, threadsField, speedField] + lessonFields

  /// The key `name` of `section`, if there is one.
  static func field(_ section: PresetSection, _ name: String) -> PresetField? {
    fields.first { $0.section == section && $0.name == name }
  }

  /// The names of the keys of `section`.
  static func names(in section: PresetSection) -> [String] {
    fields.filter { $0.section == section }.map(\.name)
  }

  /// Largest number of hidden layers.
  static let maximumHiddenLayers = 64
  /// Bounds of `init_gain` and `init_value`.
  static let initializerScaleRange: ClosedRange<Double> = -1000...1000

  private static let topFields: [PresetField] = [
    PresetField(
      section: .top, name: "title",
      read: { value, preset, context throws(FieldProblem) in preset.title = try context.string(value) },
      write: { .string($0.title) }),
    PresetField(
      section: .top, name: "description",
      read: { value, preset, context throws(FieldProblem) in preset.description = try context.string(value) },
      write: { .string($0.description) }),
  ]

  private static let dataFields: [PresetField] = [
    PresetField(
      section: .data, name: "dataset",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.dataset = try context.name(value, of: DataSpec.Source.self)
      },
      write: { .string($0.data.dataset.rawValue) }),
    PresetField(
      section: .data, name: "samples",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.samples = try context.integer(value, in: 50...100_000)
      },
      write: { .integer($0.data.samples) }),
    PresetField(
      section: .data, name: "noise",
      read: { value, preset, context throws(FieldProblem) in preset.data.noise = try context.number(value, in: 0...0.5)
      },
      write: { .float($0.data.noise) }),
    PresetField(
      section: .data, name: "train_fraction",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.trainFraction = try context.number(value, in: 0.1...0.9)
      },
      write: { .float($0.data.trainFraction) }),
    PresetField(
      section: .data, name: "train_samples",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.trainSamples = try context.integer(value, in: 1...100_000_000)
      },
      write: { $0.data.trainSamples.map(PresetValue.integer) }),
    PresetField(
      section: .data, name: "normalize",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.normalize = try context.name(value, of: DataSpec.Normalization.self)
      },
      write: { .string($0.data.normalize.rawValue) }),
    PresetField(
      section: .data, name: "feature_scale",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.featureScale = try context.number(value, in: 1...1_000_000)
      },
      write: { .float($0.data.featureScale) }),
    PresetField(
      section: .data, name: "augment",
      read: { value, preset, context throws(FieldProblem) in preset.data.augment = try context.number(value, in: 0...1)
      },
      write: { .float($0.data.augment) }),
    PresetField(
      section: .data, name: "path",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.path = FilePath.resolve(try context.string(value, nonEmpty: true), against: context.baseDirectory)
      },
      write: { $0.data.path.map(PresetValue.string) }),
    PresetField(
      section: .data, name: "target",
      read: { value, preset, context throws(FieldProblem) in
        preset.data.target = try context.string(value, nonEmpty: true)
      },
      write: { $0.data.target.map(PresetValue.string) }),
    PresetField(
      section: .data, name: "features",
      read: { value, preset, context throws(FieldProblem) in
        let allowed = "an array of distinct column names"
        let features = try context.array(value, allowed: allowed) { element throws(FieldProblem) in
          try context.string(element, nonEmpty: true)
        }
        if let repeated = features.enumerated().first(where: { features[..<$0.offset].contains($0.element) }) {
          throw FieldProblem(
            message: "\(context.key) = \(value.tomlText) names \"\(repeated.element)\" twice: expected \(allowed)")
        }
        preset.data.features = features
      },
      write: { .array($0.data.features.map(PresetValue.string)) }),
  ]

  private static let modelFields: [PresetField] = [
    PresetField(
      section: .model, name: "hidden",
      read: { value, preset, context throws(FieldProblem) in
        let allowed = "an array of at most \(maximumHiddenLayers) layer widths, each in 1...1000000"
        let hidden = try context.array(value, allowed: allowed) { element throws(FieldProblem) in
          try context.integer(element, in: 1...1_000_000)
        }
        guard hidden.count <= maximumHiddenLayers else { throw context.outOfRange(value, allowed: allowed) }
        let smallest = NetworkArchitecture(inputs: 1, hidden: hidden, activation: .relu, head: .binary)
        do throws(ConfigurationError) {
          try smallest.validate()
        } catch {
          throw context.outOfRange(value, allowed: error.allowed)
        }
        preset.model.hidden = hidden
      },
      write: { .array($0.model.hidden.map(PresetValue.integer)) }),
    PresetField(
      section: .model, name: "activation",
      read: { value, preset, context throws(FieldProblem) in
        preset.model.activation = try context.name(value, of: Activation.self)
      },
      write: { .string($0.model.activation.rawValue) }),
    PresetField(
      section: .model, name: "batch_norm",
      read: { value, preset, context throws(FieldProblem) in preset.model.batchNorm = try context.boolean(value) },
      write: { .boolean($0.model.batchNorm) }),
    PresetField(
      section: .model, name: "init",
      read: { value, preset, context throws(FieldProblem) in
        preset.model.initializer.kind = try context.name(value, of: Initializer.Kind.self)
      },
      write: { .string($0.model.initializer.kind.rawValue) }),
    PresetField(
      section: .model, name: "init_gain",
      read: { value, preset, context throws(FieldProblem) in
        preset.model.initializer.gain = try context.number(value, in: 0...1000)
      },
      write: { .float($0.model.initializer.gain) }),
    PresetField(
      section: .model, name: "init_value",
      read: { value, preset, context throws(FieldProblem) in
        preset.model.initializer.value = try context.number(value, in: initializerScaleRange)
      },
      write: { .float($0.model.initializer.value) }),
    PresetField(
      section: .model, name: "dropout",
      read: { value, preset, context throws(FieldProblem) in
        let rate = try context.anyNumber(value)
        try context.hyperparameter(value) { $0.dropout = rate }
        preset.training.dropout = rate
      },
      write: { .float($0.training.dropout) }),
    PresetField(
      section: .model, name: "dropout_per_layer",
      read: { value, preset, context throws(FieldProblem) in
        let allowed = "an array of dropout rates, each in [0, 1)"
        let rates = try context.array(value, allowed: allowed) { element throws(FieldProblem) in
          try context.number(element, in: Hyperparameters.dropoutRange, openHigh: true)
        }
        preset.training.dropoutPerLayer = rates
      },
      write: { .array($0.training.dropoutPerLayer.map(PresetValue.float)) }),
  ]

  private static let trainingFields: [PresetField] = [
    PresetField(
      section: .training, name: "optimizer",
      read: { value, preset, context throws(FieldProblem) in
        preset.training.optimizer = try context.name(value, of: OptimizerKind.self)
      },
      write: { .string($0.training.optimizer.rawValue) }),
    hyperparameter("learning_rate", \.learningRate),
    hyperparameter("momentum", \.momentum),
    hyperparameter("beta1", \.beta1),
    hyperparameter("beta2", \.beta2),
    hyperparameter("rho", \.rho),
    hyperparameter("epsilon", \.epsilon),
    integerHyperparameter("batch_size", \.batchSize),
    hyperparameter("l1", \.l1),
    hyperparameter("l2", \.l2),
    PresetField(
      section: .training, name: "schedule",
      read: { value, preset, context throws(FieldProblem) in
        preset.training.schedule = try context.name(value, of: LearningRateSchedule.self)
      },
      write: { .string($0.training.schedule.rawValue) }),
    hyperparameter("decay_rate", \.decayRate),
    integerHyperparameter("decay_steps", \.decaySteps),
    PresetField(
      section: .training, name: "clip_norm",
      read: { value, preset, context throws(FieldProblem) in
        // 0 switches clipping off (TOML has no null), so `--set training.clip_norm=0` undoes a clip.
        let number = try context.anyNumber(value)
        let norm: Double? = number == 0 ? nil : number
        try context.hyperparameter(value) { $0.clipNorm = norm }
        preset.training.clipNorm = norm
      },
      write: { $0.training.clipNorm.map(PresetValue.float) }),
  ]

  private static let runFields: [PresetField] = [
    PresetField(
      section: .run, name: "seed",
      read: { value, preset, context throws(FieldProblem) in
        preset.run.seed = UInt64(try context.integer(value, in: 0...Int.max))
      },
      write: { .integer(Int(clamping: $0.run.seed)) }),
    PresetField(
      section: .run, name: "steps",
      read: { value, preset, context throws(FieldProblem) in
        preset.run.steps = try context.integer(value, in: RunSpec.stepsRange)
      },
      write: { .integer($0.run.steps) }),
    PresetField(
      section: .run, name: "eval_every",
      read: { value, preset, context throws(FieldProblem) in
        preset.run.evalEvery = try context.integer(value, in: 1...1_000_000_000)
      },
      write: { .integer($0.run.evalEvery) }),
  ]

  private static func hyperparameter(
    _ name: String, _ keyPath: WritableKeyPath<Hyperparameters, Double> & Sendable
  ) -> PresetField {
    PresetField(
      section: .training, name: name,
      read: { value, preset, context throws(FieldProblem) in
        let number = try context.anyNumber(value)
        try context.hyperparameter(value) { $0[keyPath: keyPath] = number }
        preset.training[keyPath: keyPath] = number
      },
      write: { .float($0.training[keyPath: keyPath]) })
  }

  private static func integerHyperparameter(
    _ name: String, _ keyPath: WritableKeyPath<Hyperparameters, Int> & Sendable
  ) -> PresetField {
    PresetField(
      section: .training, name: name,
      read: { value, preset, context throws(FieldProblem) in
        let integer = try context.anyInteger(value)
        try context.hyperparameter(value) { $0[keyPath: keyPath] = integer }
        preset.training[keyPath: keyPath] = integer
      },
      write: { .integer($0.training[keyPath: keyPath]) })
  }
}
