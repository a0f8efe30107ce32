import DamEngine

/// The sizes a network needs for some data: its input width and its output head.
public struct DataShape: Sendable, Equatable, Hashable {
  /// Input features per sample.
  public var features: Int
  /// The output layer and loss.
  public var head: OutputHead

  /// A shape of `features` inputs and `head`.
  public init(features: Int, head: OutputHead) {
    self.features = features
    self.head = head
  }
}

extension DataSpec {
  /// The shape the prepared data will have, known without preparing it: every 2-D set has 2 features,
  /// one sigmoid output for the classification sets and one linear output for `plane` and `bump`; the
  /// digits 64 features and 10 classes. Nil for a CSV file, whose shape only loading tells.
  public var shape: DataShape? {
    switch dataset {
    case .circle, .xor, .gauss, .spiral, .moons: DataShape(features: 2, head: .binary)
    case .plane, .bump: DataShape(features: 2, head: .regression(outputs: 1))
    case .digits: DataShape(features: 64, head: .multiclass(classes: 10))
    case .csv: nil
    }
  }

  /// The size of the training split, known without preparing the data (nil for a CSV file): the
  /// generated `samples` (the digits' 1,797) times `trainFraction`, as `prepare` rounds it.
  public var trainingSplitCount: Int? {
    switch dataset {
    case .csv: nil
    case .digits: Self.trainingCount(of: Digits.imageCount, fraction: trainFraction)
    default: Self.trainingCount(of: samples, fraction: trainFraction)
    }
  }

  /// The training split of `count` samples: `round(count * fraction)`, at least 1 and leaving at least 1.
  static func trainingCount(of count: Int, fraction: Double) -> Int {
    min(max(Int((Double(count) * fraction).rounded()), 1), count - 1)
  }
}
