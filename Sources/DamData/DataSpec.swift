/// Which data to train on and how to prepare it: the `[data]` table of a preset.
///
/// Values are validated by the preset loader (ranges are listed on each property); `DataSpec` itself
/// only carries them.
public struct DataSpec: Sendable, Equatable, Hashable, Codable {
  /// The built-in and user-supplied data sources.
  public enum Source: String, CaseIterable, Sendable, Codable {
    case circle, xor, gauss, spiral, moons
    /// 2-D regression: a tilted plane.
    case plane
    /// 2-D regression: a Gaussian bump.
    case bump
    /// UCI optical-recognition 8x8 handwritten digits (1,797 images, 64 features, 10 classes).
    case digits
    /// The user's own CSV file (`path`, `target`, optional `features`).
    case csv
  }

  /// Input normalization, with statistics from the training split only.
  public enum Normalization: String, CaseIterable, Sendable, Codable {
    case none
    /// z-score: (x - mean) / std.
    case standard
    /// (x - min) / (max - min), into [0, 1].
    case minmax
  }

  /// The data source.
  public var dataset: Source = .spiral
  /// Total samples generated (2-D generators): 50...100,000. Ignored by `digits` (always 1,797) and `csv`.
  public var samples: Int = 500
  /// Noise as a fraction of the data scale: 0...0.5. What it moves differs per generator, as in
  /// TensorFlow Playground (see `PlanarDatasets`): label noise for circle, xor, plane and bump, point
  /// jitter for spiral and moons, blob variance for gauss.
  public var noise: Double = 0.1
  /// Fraction of samples in the training split: 0.1...0.9.
  public var trainFraction: Double = 0.5
  /// Use only the first `trainSamples` training samples (the "more data" lesson); nil uses all.
  /// At most the training split (`samples * trainFraction`). The validation split and the normalization
  /// statistics do not change with it, so lessons that compare training-set sizes keep `samples`,
  /// `trainFraction` and the seed fixed and vary only `trainSamples`.
  public var trainSamples: Int? = nil
  /// Input normalization.
  public var normalize: Normalization = .standard
  /// Multiplies raw feature j by `featureScale^j` before the normalization statistics are fitted
  /// (1 = off), putting the raw features on very different scales for the normalization lesson:
  /// `standard` and `minmax` undo it, `none` keeps it. 1...10^6.
  public var featureScale: Double = 1
  /// Training-time augmentation, applied per batch to training samples only; 0 is off: 0...1.
  /// For 2-D and tabular data, the standard deviation of Gaussian jitter in units of each feature's
  /// training standard deviation; for digits, the probability that an image is shifted by one pixel
  /// in a random direction.
  public var augment: Double = 0
  /// CSV file (relative paths are resolved against the preset's folder by the loader).
  public var path: String? = nil
  /// CSV target column name.
  public var target: String? = nil
  /// CSV feature columns to use; empty means every column but the target.
  public var features: [String] = []

  /// The defaults listed on each property.
  public init() {}
}
