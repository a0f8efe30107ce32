import DamEngine

/// The axes of a sweep (`--vary`, in the order given) and the random search over them.
public struct SearchSpace: Sendable, Equatable {
  /// One axis per varied key.
  public let dimensions: [SweepDimension]

  /// Parses every `--vary` argument against the schema, on top of `base`.
  /// - Throws: `SweepError` listing every malformed argument, unknown key, out-of-range bound or
  ///   repeated key, one per line.
  public init(parsing arguments: [String], base: Preset) throws(SweepError) {
    var dimensions: [SweepDimension] = []
    var problems: [String] = []
    for argument in arguments {
      do {
        let dimension = try SweepDimension(parsing: argument, base: base)
        if dimensions.contains(where: { $0.key == dimension.key }) {
          problems.append("--vary \(argument): \(dimension.key) is varied twice")
        } else {
          dimensions.append(dimension)
        }
      } catch {
        problems.append(error.message)
      }
    }
    guard problems.isEmpty else { throw SweepError(problems.joined(separator: "\n")) }
    self.dimensions = dimensions
  }

  /// The settings of `count` trials, drawn in order (trial by trial, axis by axis) from one generator
  /// seeded with `seed`: the same seed always gives the same trials.
  public func sample(trials count: Int, seed: UInt64) -> [[SweepSetting]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      dimensions.map { dimension in
        // Every sampled text is a value the schema accepted when the axis was parsed.
        try! SweepSetting(key: dimension.key, text: dimension.sample(using: &generator))
      }
    }
  }
}
