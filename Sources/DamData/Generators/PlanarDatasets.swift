import DamEngine

/// The 2-D datasets, after TensorFlow Playground (`src/dataset.ts`) and scikit-learn's `make_moons`.
///
/// Every generator draws from the one `SeededGenerator` it is given, so a seed fixes the data.
/// Samples come out ordered by class (or in generation order); `DataSpec.prepare` shuffles before
/// splitting. Classification sets have classes "negative" (0) and "positive" (1), Playground's -1 and +1.
/// "Noise" follows Playground: a fraction (0...0.5) of the data's scale, documented on each generator.
public enum PlanarDatasets {
  /// The 2-D dataset `source` (nil for `digits` and `csv`, which are not generated).
  public static func generate(
    _ source: DataSpec.Source, samples: Int, noise: Double, generator: inout SeededGenerator
  ) -> Dataset? {
    switch source {
    case .circle: return circle(samples: samples, noise: noise, generator: &generator)
    case .xor: return xor(samples: samples, noise: noise, generator: &generator)
    case .gauss: return gauss(samples: samples, noise: noise, generator: &generator)
    case .spiral: return spiral(samples: samples, noise: noise, generator: &generator)
    case .moons: return moons(samples: samples, noise: noise, generator: &generator)
    case .plane: return plane(samples: samples, noise: noise, generator: &generator)
    case .bump: return bump(samples: samples, noise: noise, generator: &generator)
    case .digits, .csv: return nil
    }
  }

  /// The two class names of the Playground classification sets: index 0 is Playground's -1.
  static let classLabels = ["negative", "positive"]
  /// The feature names of every 2-D set.
  static let featureNames = ["x0", "x1"]

  /// Class sizes for `samples` points split in two: the first class gets the odd one.
  static func halves(_ samples: Int) -> (first: Int, second: Int) {
    ((samples + 1) / 2, samples / 2)
  }

  /// A 2-D dataset from interleaved (x0, x1) pairs and their targets.
  static func dataset(points: [Float], targets: [Float], classLabels: [String]) -> Dataset {
    Dataset(features: points, targets: targets, featureNames: featureNames, classLabels: classLabels)
  }
}
