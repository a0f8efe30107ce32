import DamEngine

extension DataSpec {
  /// The seed of the data's own random stream is the run seed XOR this value, so data generation and
  /// shuffling never share draws with weight initialization.
  static let dataStreamSalt: UInt64 = 0x6461_7461_5F64_616D

  /// Generates or loads the data, shuffles it, splits it, normalizes it and sets up augmentation.
  ///
  /// Deterministic: the same spec and seed give bit-identical data. The steps:
  /// 1. the raw dataset: generated from `samples` and `noise`, the built-in digits, or the CSV at `path`
  ///    (relative to `baseDirectory`); `samples` and `noise` apply to the generators only; raw feature j
  ///    is then multiplied by `featureScale^j`, so the scale belongs to the raw data;
  /// 2. a seeded shuffle; the first `round(count * trainFraction)` samples (at least 1, leaving at least
  ///    1) form the training split, the rest the validation split;
  /// 3. normalization statistics from the whole training split, applied to both splits;
  /// 4. only the first `trainSamples` training samples are kept.
  ///
  /// Steps 1 to 3 do not depend on `trainSamples`, so the validation split is identical whatever
  /// `trainSamples` is: for the "more data" lesson, set `samples` large enough for the largest training
  /// set wanted and vary `trainSamples` only.
  /// - Throws: `DataError` for out-of-range values, a missing `path`/`target`, or a bad CSV file.
  public func prepare(seed: UInt64, baseDirectory: String? = nil) throws(DataError) -> PreparedData {
    try validate()
    var generator = SeededGenerator(seed: seed ^ Self.dataStreamSalt)
    let raw = try scaled(rawDataset(generator: &generator, baseDirectory: baseDirectory))
    guard raw.count >= 2 else {
      throw .invalidParameter(name: "samples", value: "\(raw.count)", allowed: "a dataset of at least 2 samples")
    }
    var order = Array(0..<raw.count)
    generator.shuffle(&order)
    let trainCount = Self.trainingCount(of: raw.count, fraction: trainFraction)
    let trainingSplit = raw.selecting(order[..<trainCount])
    let validationSplit = raw.selecting(order[trainCount...])
    if let trainSamples, trainSamples > trainCount {
      throw .invalidParameter(
        name: "train_samples", value: "\(trainSamples)",
        allowed: "1...\(trainCount), the training split (\(raw.count) samples x train_fraction \(trainFraction));"
          + " raise samples for more")
    }
    let statistics = NormalizationStatistics(fitting: trainingSplit, method: normalize)
    let normalizedTraining = statistics.apply(to: trainingSplit)
    let augmentation = Augmentation(augment: augment, training: normalizedTraining, normalization: statistics)
    return PreparedData(
      train: trainSamples.map { normalizedTraining.prefix($0) } ?? normalizedTraining,
      validation: statistics.apply(to: validationSplit), normalization: statistics, augmentation: augmentation)
  }

  /// `path` resolved against `baseDirectory` when it is relative; nil without a path.
  public func resolvedPath(baseDirectory: String?) -> String? {
    guard let path else { return nil }
    guard let baseDirectory, !path.hasPrefix("/"), !baseDirectory.isEmpty else { return path }
    return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
  }

  /// The unshuffled, unnormalized dataset.
  private func rawDataset(generator: inout SeededGenerator, baseDirectory: String?) throws(DataError) -> Dataset {
    if let generated = PlanarDatasets.generate(dataset, samples: samples, noise: noise, generator: &generator) {
      return generated
    }
    switch dataset {
    case .circle, .xor, .gauss, .spiral, .moons, .plane, .bump:
      preconditionFailure("generated above")
    case .digits: return Digits.load()
    case .csv:
      guard let path = resolvedPath(baseDirectory: baseDirectory) else { throw .missingKey(name: "path") }
      guard let target else { throw .missingKey(name: "target") }
      return try CSVTable.load(path: path, target: target, features: features)
    }
  }

  /// `dataset` with raw feature j multiplied by `featureScale^j` (unchanged at scale 1).
  /// - Throws: `DataError.invalidParameter` when a factor or a scaled value overflows `Float`.
  private func scaled(_ dataset: Dataset) throws(DataError) -> Dataset {
    guard featureScale != 1 else { return dataset }
    var factors = [Float](repeating: 1, count: dataset.featureCount)
    var power = 1.0
    for j in factors.indices {
      factors[j] = Float(power)
      power *= featureScale
    }
    var result = dataset
    result.transformFeatures { feature, value in value * factors[feature] }
    guard factors.allSatisfy(\.isFinite), result.features.allSatisfy(\.isFinite) else {
      throw .invalidParameter(
        name: "feature_scale", value: "\(featureScale)",
        allowed: "a value whose power \(dataset.featureCount - 1) (one per feature) fits in a Float")
    }
    return result
  }

  /// Checks every range listed on the properties.
  private func validate() throws(DataError) {
    func check(_ ok: Bool, _ name: String, _ value: String, _ allowed: String) throws(DataError) {
      if !ok { throw .invalidParameter(name: name, value: value, allowed: allowed) }
    }
    if dataset != .digits && dataset != .csv {
      try check((50...100_000).contains(samples), "samples", "\(samples)", "50...100000")
    }
    try check(noise.isFinite && (0...0.5).contains(noise), "noise", "\(noise)", "0...0.5")
    try check(
      trainFraction.isFinite && (0.1...0.9).contains(trainFraction), "train_fraction", "\(trainFraction)", "0.1...0.9")
    if let trainSamples { try check(trainSamples >= 1, "train_samples", "\(trainSamples)", "at least 1") }
    try check(
      featureScale.isFinite && (1...1e6).contains(featureScale), "feature_scale", "\(featureScale)", "1...1000000")
    try check(augment.isFinite && (0...1).contains(augment), "augment", "\(augment)", "0...1")
  }
}
